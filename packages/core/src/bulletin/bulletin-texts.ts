import type { Alert } from '../contract/alerts.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import { isBehind } from '../alerts/lag-level.ts';
import { formatCount, formatPercent, percentNumber } from '../display/numbers.ts';
import { lagPhrase } from '../display/wording.ts';

const ORDINALS = ['一', '二', '三', '四', '五', '六'];
const numbered = (items: readonly string[]) => items.map((item, i) => `${ORDINALS[i]}是${item}`).join('\n');

export interface ProblemsFacts {
  /** the regions the bulletin covers: the province's cities and counties, or a city and its counties */
  cities: readonly MetricRow[];
  counties: readonly MetricRow[];
  /** the row whose funds are judged: the province's, or the city's */
  whole: MetricRow;
  wholeName: string;
  alerts: readonly Alert[];
}

/**
 * 存在问题 as drafted from the numbers, when staff have written none: uneven progress (who is behind and who
 * furthest), funds audited slower than training, regions at the bottom for months. One paragraph a problem.
 */
export function defaultProblems({ cities, counties, whole, wholeName, alerts }: ProblemsFacts): string {
  const items: string[] = [];
  const behind = [...cities, ...counties].filter((r) => isBehind(r.lag));
  if (behind.length) {
    const worst = [...behind].sort((a, b) => a.lag! - b.lag!)[0]!;
    const counted = [
      ...(cities.length ? [`${formatCount(cities.filter((r) => isBehind(r.lag)).length)}个市州`] : []),
      `${formatCount(counties.filter((r) => isBehind(r.lag)).length)}个县市区`,
    ];
    items.push(`进度不平衡。${counted.join('、')}落后时序进度，${worst.name}${lagPhrase(worst.lag)}。`);
  }
  if (whole.fundsRatio !== null && whole.completionRatio !== null && percentNumber(whole.fundsRatio) < percentNumber(whole.completionRatio)) {
    const lagging = alerts.filter((a) => a.rule === 'funds-lagging').length;
    const regions = lagging ? `，${formatCount(lagging)}个地区资金执行滞后` : '';
    items.push(`资金审核滞后于培训进度。${wholeName}资金执行率${formatPercent(whole.fundsRatio)}，低于完成比例${formatPercent(whole.completionRatio)}${regions}。`);
  }
  const bottom = alerts.filter((a) => a.rule === 'persistent-bottom');
  if (bottom.length) items.push(`部分地区持续排名靠后。${bottom.map((a) => a.regionName).join('、')}连续多月排名靠后，工作推进不力。`);
  return items.length ? numbered(items) : '各地进度总体均衡，未发现突出问题。';
}

/** 下一步工作要求 when staff have written none. */
export const DEFAULT_REQUIREMENTS = numbered([
  '加快培训进度。落后时序进度的地区要认真查找原因，制定赶超措施，确保尽快达到时序进度。',
  '加快资金审核拨付。各地要及时审核拨付补贴资金，提高资金执行率；资金缺口较大的地区要及时提出调剂申请。',
  '抓好督导整改。被约谈和一对一指导的地区要在规定时限内报送整改情况，整改不到位的将再次通报。',
  '确保数据真实准确。各地要严格审核开班、结课和资金数据，按月及时报送。',
]);
