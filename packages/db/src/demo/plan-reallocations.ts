import type { Region } from '@dispatch/core';
import { CALIBRATION, PROVINCE_CODE } from './catalogue.ts';
import { apportion } from './random.ts';

export interface DemoRound {
  round: number;
  reallocatedOn: string;
  documentNumber: string;
  note: string;
}

export interface DemoReallocation {
  round: number;
  fromCode: string;
  toCode: string;
  amount: number;
  reallocatedOn: string;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [first!, ...c]), ...combinations(rest, k)];
}

/**
 * The two rounds of 资金调剂 from the provincial pool: each round picks the set of N cities with the largest
 * total fund gap that has at least K counties, then gives the round's money to the K neediest counties there,
 * in proportion to their gap (in whole 万元).
 */
export function planReallocations(
  year: number,
  counties: readonly Region[],
  gaps: Map<string, number>,
  scale: number,
  /** rounds are numbered across years: the first of this year's */
  firstRound = 1,
): { rounds: DemoRound[]; moves: DemoReallocation[] } {
  const cityCodes = [...new Set(counties.map((c) => c.parentCode!))].sort();
  const gap = (code: string) => gaps.get(code) ?? 0;
  const moves: DemoReallocation[] = [];
  const rounds: DemoRound[] = [];
  for (const [index, round] of CALIBRATION.reallocationRounds.entries()) {
    const number = firstRound + index;
    const reallocatedOn = `${year}-${round.date}`;
    rounds.push({ round: number, reallocatedOn, documentNumber: `湘人社函〔${year}〕${round.documentNo}号`, note: '演示数据' });
    const countiesOf = (city: string) => counties.filter((c) => c.parentCode === city);
    const cityGap = (city: string) => countiesOf(city).reduce((sum, c) => sum + Math.max(0, gap(c.code)), 0);
    const best = combinations(cityCodes, round.cities)
      .filter((set) => set.reduce((n, city) => n + countiesOf(city).length, 0) >= round.counties)
      .map((set) => ({ set, total: set.reduce((sum, city) => sum + cityGap(city), 0) }))
      .sort((a, b) => b.total - a.total)[0]!;
    const chosen = best.set
      .flatMap(countiesOf)
      .sort((a, b) => gap(b.code) - gap(a.code) || a.code.localeCompare(b.code))
      .slice(0, round.counties);
    const floor = 200_000;
    const amounts = apportion(
      (round.amount * scale) / 10_000,
      chosen.map((c) => Math.max(0, gap(c.code)) + floor),
    ).map((wan) => wan * 10_000);
    chosen.forEach((county, i) => {
      moves.push({ round: number, fromCode: PROVINCE_CODE, toCode: county.code, amount: amounts[i]!, reallocatedOn });
      gaps.set(county.code, gap(county.code) - amounts[i]!);
    });
  }
  return { rounds, moves: moves.filter((m) => m.amount > 0) };
}
