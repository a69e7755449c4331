import type { Movers, Mover } from '../contract/alerts.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import { percentNumber } from '../display/numbers.ts';
import { lagPhrase, rankChangePhrase } from '../display/wording.ts';
import { alertOf, monthsOf, type AlertContext, type AlertRuleFunction } from './context.ts';
import { isBehind } from './lag-level.ts';

/** 「第 5 名 → 第 9 名」 */
const rankMove = (row: MetricRow) => `第 ${row.rank + (row.rankChange ?? 0)} 名 → 第 ${row.rank} 名`;

/**
 * 退步: lost `cityPlaces` / `countyPlaces` or more since last month, or newly behind the time line (behind now, not last month). One
 * alert a region, yellow, saying each reason. January has no last month: nothing.
 */
export const fallingBack: AlertRuleFunction = (context) => {
  const { period, settings } = context;
  const { current, previous } = monthsOf(context);
  return current.flatMap((row) => {
    const before = previous.get(row.code);
    if (!before) return [];
    const places = row.level === 'city' ? settings.fallingBack.cityPlaces : settings.fallingBack.countyPlaces;
    const dropped = row.rankChange !== null && row.rankChange <= -places;
    const newlyBehind = isBehind(row.lag) && !isBehind(before.lag);
    if (!dropped && !newlyBehind) return [];
    const reasons = [
      ...(dropped ? [`名次较上月${rankChangePhrase(row.rankChange!)}（${rankMove(row)}）`] : []),
      ...(newlyBehind ? [`本月${lagPhrase(row.lag)}（上月${lagPhrase(before.lag)}）`] : []),
    ];
    return [alertOf(row, period, 'falling-back', 'yellow', reasons.join('；'), { rankChange: row.rankChange, newlyBehind: newlyBehind ? 1 : 0, lagPoints: percentNumber(row.lag!) })];
  });
};

const MOVERS_SHOWN = 5;

function moverOf(row: MetricRow, message: string): Mover {
  return { regionCode: row.code, regionName: row.name, level: row.level, parentCode: row.parentCode, rank: row.rank, rankChange: row.rankChange ?? 0, lag: row.lag, message };
}

/**
 * For the meeting, not an alert: who moved up most and down most, who newly fell behind the time line and who
 * caught up with it — among the regions `included` (all by default). Empty in January.
 */
export function moversOf(context: AlertContext, included: (row: MetricRow) => boolean = () => true): Movers {
  const { current, previous } = monthsOf(context);
  const compared = current.filter((row) => included(row) && previous.has(row.code) && row.rankChange !== null);
  const byChange = [...compared].sort((a, b) => b.rankChange! - a.rankChange! || a.rank - b.rank);
  const wasBehind = (row: MetricRow) => isBehind(previous.get(row.code)!.lag);
  return {
    up: byChange.filter((r) => r.rankChange! > 0).slice(0, MOVERS_SHOWN).map((r) => moverOf(r, `${rankChangePhrase(r.rankChange!)}（${rankMove(r)}）`)),
    down: byChange.filter((r) => r.rankChange! < 0).reverse().slice(0, MOVERS_SHOWN).map((r) => moverOf(r, `${rankChangePhrase(r.rankChange!)}（${rankMove(r)}）`)),
    newlyBehind: compared.filter((r) => isBehind(r.lag) && !wasBehind(r)).map((r) => moverOf(r, `本月${lagPhrase(r.lag)}`)),
    recovered: compared.filter((r) => !isBehind(r.lag) && wasBehind(r)).map((r) => moverOf(r, `已赶上时序进度：${lagPhrase(r.lag)}`)),
  };
}
