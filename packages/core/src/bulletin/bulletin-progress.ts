import type { MetricRow } from '../contract/metric-row.ts';
import type { ReallocationRound } from '../contract/funds.ts';
import { formatCount, formatMoney, formatPercent, formatWan, formatYuan } from '../display/numbers.ts';
import { formatChineseDate } from '../display/time.ts';
import { lagPhrase, rankChangePhrase } from '../display/wording.ts';
import { formatMonthLabel, formatPeriod, periodWindow, timeProgress, type Period } from '../metrics/period.ts';

/** 「截至2020年5月底」 */
export const asOf = (period: Period) => `截至${formatMonthLabel(formatPeriod(period))}底`;

/** 「累计开班X个、结课Y个，培训Z万人次，完成年度目标任务（T万人次）的A%，落后时序进度 B 个百分点」 */
function progressClause(row: MetricRow): string {
  const completion = row.completionRatio === null
    ? '尚无年度目标任务'
    : `完成年度目标任务（${formatWan(row.target)}万人次）的${formatPercent(row.completionRatio)}，${lagPhrase(row.lag)}`;
  return `累计开班${formatCount(row.classesOpened)}个、结课${formatCount(row.classesFinished)}个，培训${formatWan(row.trainees)}万人次，${completion}`;
}

/** 「累计审核补贴资金X，资金执行率Y%，人均补贴Z元」 */
function fundsClause(row: MetricRow): string {
  const ratio = row.fundsRatio === null ? '' : `，资金执行率${formatPercent(row.fundsRatio)}`;
  const average = row.avgSubsidy === null ? '' : `，人均补贴${formatYuan(row.avgSubsidy)}元`;
  return `累计审核补贴资金${formatMoney(row.fundsAudited)}${ratio}${average}`;
}

/** The province's progress against its target and the time line, and the month's own figures. */
export function provinceProgress(period: Period, province: MetricRow): string[] {
  const { month } = province;
  const monthLine = period.month === 1
    ? ''
    : `其中${period.month}月当月开班${formatCount(month.classesOpened)}个、结课${formatCount(month.classesFinished)}个，培训${formatWan(month.trainees)}万人次。`;
  return [
    `${asOf(period)}，全省${progressClause(province)}（时序进度${formatPercent(timeProgress(period))}）。${monthLine}`,
    `资金审核方面，全省${fundsClause(province)}。`,
  ];
}

/** A city's own progress and place, for its extract. */
export function cityProgress(period: Period, city: MetricRow): string {
  const change = city.rankChange === null ? '' : `，较上月${rankChangePhrase(city.rankChange)}`;
  return `${city.name}${progressClause(city)}，在全省市州中排第${formatCount(city.rank)}名${change}；${fundsClause(city)}。`;
}

/** Rounds counted in the period: recorded, not revoked, dated in its year up to its end; oldest first. */
export function roundsOfPeriod(period: Period, rounds: readonly ReallocationRound[]): ReallocationRound[] {
  const { from, to } = periodWindow(period);
  return rounds.filter((r) => r.revokedAt === null && r.date >= from && r.date <= to).sort((a, b) => a.date.localeCompare(b.date) || a.round - b.round);
}

/** 「今年以来，省厅组织资金调剂2轮，共调剂1.50亿元：2020年7月28日（湘人社函〔2020〕88号）调剂X，涉及5个市州、54个县市区；…」 */
export function roundsParagraph(period: Period, rounds: readonly ReallocationRound[], city?: { code: string; name: string }): string | null {
  const counted = roundsOfPeriod(period, rounds);
  if (counted.length === 0) return null;
  const total = counted.reduce((sum, r) => sum + r.received, 0);
  const parts = counted.map((r) => {
    const own = city ? r.lines.filter((l) => l.regionCode === city.code || l.parentCode === city.code) : [];
    const net = own.reduce((sum, l) => sum + l.amount, 0);
    const ownPart = city && own.length && net !== 0 ? `，其中${city.name}及所辖县市区净调${net > 0 ? '入' : '出'}${formatMoney(Math.abs(net))}` : '';
    return `${formatChineseDate(r.date)}（${r.documentNumber}）调剂${formatMoney(r.received)}，涉及${formatCount(r.cities)}个市州、${formatCount(r.counties)}个县市区${ownPart}`;
  });
  return `今年以来，省厅组织资金调剂${formatCount(counted.length)}轮，共调剂${formatMoney(total)}：${parts.join('；')}。`;
}
