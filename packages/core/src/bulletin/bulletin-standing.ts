import type { Alert, Movers } from '../contract/alerts.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import type { Note } from '../contract/note.ts';
import { isBehind, lagLevel, LAG_THRESHOLDS } from '../alerts/lag-level.ts';
import { MOVER_GROUPS } from '../alerts/rule-labels.ts';
import { formatCount, formatExact, formatPercent } from '../display/numbers.ts';
import { lagPhrase } from '../display/wording.ts';

const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name).join('、');

/**
 * 「市州中，落后时序进度的有A市、B市，共2个；其中A市落后 10 个百分点及以上。」 — the regions in rank order; the
 * counties named are the furthest behind, all of them being in the attachment; no more than `named` are named in
 * either list.
 */
export function behindParagraph(label: string, rows: readonly MetricRow[], named: number, attachment?: string): string {
  const behind = rows.filter((r) => isBehind(r.lag));
  if (behind.length === 0) return `${label}均达到时序进度。`;
  const far = behind.filter((r) => lagLevel(r.lag) === 'far-behind');
  const points = `${formatExact(-LAG_THRESHOLDS.redPoints)} 个百分点及以上`;
  const farPoints = `落后 ${points}`;
  // more far behind than a paragraph names (a spring month: 110 counties) are counted, the names left to the attachment
  const farLine = far.length === 0 ? ''
    : far.length <= named ? `；其中${names(far)}${farPoints}`
    : `；其中${farPoints}的有${formatCount(far.length)}个${attachment ? `（名单见${attachment}）` : ''}`;
  if (far.length === rows.length && rows.length > 1) return `${label}均落后时序进度 ${points}。`;
  if (behind.length === rows.length && rows.length > 1) return `${label}均落后时序进度${farLine.replace('；其中', '，其中')}。`;
  if (behind.length <= named) return `${label}中，落后时序进度的有${names(behind)}，共${formatCount(behind.length)}个${farLine}。`;
  const furthest = [...behind].sort((a, b) => a.lag! - b.lag! || a.rank - b.rank).slice(0, named);
  const list = furthest.map((r) => `${r.name}（${lagPhrase(r.lag)}）`).join('、');
  return `${label}中，落后时序进度的有${formatCount(behind.length)}个，落后最多的${formatCount(named)}个是${list}${attachment ? `（全部名单见${attachment}）` : ''}。`;
}

/** 「持续排名靠后、列入通报约谈名单的有：A市连续3个月排名全省市州后3位（本月第 13 名）。」 */
export function summonsParagraph(summons: readonly Alert[]): string {
  if (summons.length === 0) return '本月没有持续排名靠后需通报约谈的地区。';
  return `持续排名靠后、列入通报约谈名单的有：${summons.map((a) => `${a.regionName}${a.message}`).join('、')}。`;
}

/** 「市州完成比例排名前3位的是A市（61.2%）、…；排名后3位的是…。」 (regions without a target are not ranked against one) */
export function topBottomParagraph(label: string, rows: readonly MetricRow[], count: number): string {
  const ranked = rows.filter((r) => r.completionRatio !== null);
  if (ranked.length === 0) return `${label}均无年度目标任务。`;
  const listed = (list: readonly MetricRow[]) => list.map((r) => `${r.name}（${formatPercent(r.completionRatio)}）`).join('、');
  const top = ranked.slice(0, count);
  const bottom = ranked.slice(Math.max(ranked.length - count, top.length)).reverse();
  const bottomLine = bottom.length ? `；排名后${formatCount(bottom.length)}位的是${listed(bottom)}` : '';
  return `${label}完成比例排名前${formatCount(top.length)}位的是${listed(top)}${bottomLine}。`;
}

/** Who moved among a level's regions, one clause a group (名次上升最多…), or null when nobody did (January). */
export function moversParagraph(label: string, movers: Movers): string | null {
  const groups = MOVER_GROUPS.flatMap(([key, title]) => {
    const list = movers[key];
    // Rank moves read as their message (上升 2 位（第 7 名 → 第 5 名）); crossing the time line as where the region now is.
    const said = (m: Movers['up'][number]) => (key === 'up' || key === 'down' ? `${m.regionName}${m.message}` : `${m.regionName}（${lagPhrase(m.lag)}）`);
    return list.length ? [`${title}的有${list.map(said).join('、')}`] : [];
  });
  return groups.length ? `${label}中，${groups.join('；')}。` : null;
}

/** Regions' notes on the period's numbers: 「株洲市：受疫情影响，5月起集中开班。」 */
export function noteParagraphs(notes: readonly Note[]): string[] {
  return notes.map((n) => `${n.regionName}：${n.text}`);
}
