import { roundHalfAway } from './round.ts';
import { formatCount, grouped } from './numbers.ts';

/** 「超时序进度 20.7 个百分点」, 「落后时序进度 11.5 个百分点」, 「与时序进度持平」. */
export function lagPhrase(lag: number | null): string {
  if (lag === null) return '无目标任务';
  const points = roundHalfAway(lag * 100, 1);
  if (points === 0) return '与时序进度持平';
  return `${points > 0 ? '超' : '落后'}时序进度 ${grouped(Math.abs(points), 1)} 个百分点`;
}

/** People still needed to reach the time line: 「距时序进度还差 3,945 人」, or 「已达时序进度」. */
export function timeLineGapPhrase(toTimeLine: number): string {
  return toTimeLine > 0 ? `距时序进度还差 ${formatCount(toTimeLine)} 人` : '已达时序进度';
}

/** A gap in people for a table cell: the number, or what it means when there is none. */
export function peopleGapCell(gap: number, reached: '已达' | '已完成'): string {
  return gap > 0 ? formatCount(gap) : reached;
}

/** Places gained since last month in words: 「上升 2 位」, 「下降 1 位」, 「持平」. */
export function rankChangePhrase(change: number): string {
  if (change === 0) return '持平';
  return change > 0 ? `上升 ${change} 位` : `下降 ${-change} 位`;
}

/** The same in a table cell: ↑2, ↓1, 持平. */
export function rankChangeCell(change: number): string {
  if (change === 0) return '持平';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}
