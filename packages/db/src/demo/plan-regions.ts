import type { Region } from '@dispatch/core';
import { apportion, type Random } from './random.ts';
import { CALIBRATION, CITY_POPULATION, MONTH_PROFILE } from './catalogue.ts';

/** One county's plan for a year: its target and budget, and how many people finish training each month. */
export interface CountyPlan {
  county: Region;
  target: number;
  allocatedBudget: number;
  /** trainees finishing in months 1–12 */
  monthlyTrainees: number[];
}

/** Roughly 2 of 14 cities and 8 counties elsewhere lag all year, so the alert rules have something to find. */
const LAGGING_CITIES = 2;
const LAGGING_COUNTIES = 8;

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function countyWeights(counties: readonly Region[], random: Random): Map<string, number> {
  const draws = new Map(counties.map((c) => [c.code, random.between(0.6, 1.4)]));
  const cityDrawTotal = new Map<string, number>();
  for (const c of counties) cityDrawTotal.set(c.parentCode!, (cityDrawTotal.get(c.parentCode!) ?? 0) + draws.get(c.code)!);
  return new Map(
    counties.map((c) => [
      c.code,
      ((CITY_POPULATION[c.parentCode!] ?? 300) * draws.get(c.code)!) / cityDrawTotal.get(c.parentCode!)!,
    ]),
  );
}

function chooseLaggards(counties: readonly Region[], random: Random): Set<string> {
  const cities = [...new Set(counties.map((c) => c.parentCode!))];
  const laggingCities = new Set<string>();
  while (laggingCities.size < LAGGING_CITIES) laggingCities.add(random.pick(cities));
  const laggards = new Set(counties.filter((c) => laggingCities.has(c.parentCode!)).map((c) => c.code));
  const others = counties.filter((c) => !laggingCities.has(c.parentCode!));
  let added = 0;
  while (added < LAGGING_COUNTIES) {
    const code = random.pick(others).code;
    if (!laggards.has(code)) {
      laggards.add(code);
      added += 1;
    }
  }
  return laggards;
}

/**
 * Targets and budgets in proportion to size; a pace per county (most over-fulfil, laggards do not); a monthly
 * profile that starts slow and accelerates from May, later still for laggards. Province trainees for the year
 * come out at exactly the calibrated total times `scale`.
 */
export function planCounties(counties: readonly Region[], random: Random, scale: number): CountyPlan[] {
  const weights = countyWeights(counties, random);
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const laggards = chooseLaggards(counties, random);
  const share = (c: Region) => weights.get(c.code)! / totalWeight;

  const targets = counties.map((c) => roundTo(CALIBRATION.target * scale * share(c), 100));
  const paces = counties.map((c) => (laggards.has(c.code) ? random.between(0.72, 0.9) : random.between(1.02, 1.38)));
  const yearTrainees = apportion(
    CALIBRATION.trainees * scale,
    counties.map((_, i) => targets[i]! * paces[i]!),
  );

  return counties.map((county, i) => {
    const lateness = laggards.has(county.code) ? random.between(0.6, 1) : random.between(-0.3, 0.4);
    const profile = MONTH_PROFILE.map(
      (base, m) => base * Math.exp((lateness * (m - 5.5)) / 5.5) * random.between(0.85, 1.15),
    );
    return {
      county,
      target: targets[i]!,
      allocatedBudget: roundTo(CALIBRATION.allocatedBudget * scale * share(county) * random.between(0.88, 1.12), 10_000),
      monthlyTrainees: apportion(yearTrainees[i]!, profile),
    };
  });
}
