import { describe, expect, test } from 'vitest';
import { readRegionRegistry } from '../registry.ts';
import { CALIBRATION } from './catalogue.ts';
import { generateDemoData } from './generate-demo.ts';
import { apportion } from './random.ts';

const registry = readRegionRegistry();
const demo = generateDemoData(registry);

describe('apportion', () => {
  test.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [7, [0, 1, 3], [0, 2, 5]],
    [5, [0, 0], [0, 0]],
  ])('splits %i by %j into %j', (total, weights, expected) => {
    expect(apportion(total, weights)).toEqual(expected);
  });
});

describe('the demo data', () => {
  test('is the same for the same seed and differs for another', () => {
    const again = generateDemoData(registry);
    expect(again.classes.slice(0, 50)).toEqual(demo.classes.slice(0, 50));
    expect(again.audits.length).toBe(demo.audits.length);
    expect(generateDemoData(registry, { seed: 7 }).classes.slice(0, 50)).not.toEqual(demo.classes.slice(0, 50));
  });

  test('pays every subsidised person between 825 and 4,350 yuan', () => {
    const classById = new Map(demo.classes.map((c) => [c.id, c]));
    for (const c of demo.classes) {
      expect(c.subsidyStandard).toBeGreaterThanOrEqual(825);
      expect(c.subsidyStandard).toBeLessThanOrEqual(4350);
    }
    for (const a of demo.audits) {
      const perPerson = a.amount / classById.get(a.classId)!.subsidised;
      expect(perPerson).toBeGreaterThanOrEqual(825);
      expect(perPerson).toBeLessThanOrEqual(4350);
    }
  });

  test('keeps people consistent in every class: subsidised ≤ completed ≤ enrolled, opened ≤ finished', () => {
    for (const c of demo.classes) {
      expect(c.subsidised).toBeLessThanOrEqual(c.completed);
      expect(c.completed).toBeLessThanOrEqual(c.enrolled);
      if (c.finishedOn) expect(c.openedOn <= c.finishedOn).toBe(true);
    }
  });

  test('lists about 1,700 institutions with unique names, at least three in every county', () => {
    expect(demo.institutions).toHaveLength(CALIBRATION.institutions);
    expect(new Set(demo.institutions.map((i) => i.name)).size).toBe(demo.institutions.length);
    const perCounty = new Map<string, number>();
    for (const i of demo.institutions) perCounty.set(i.regionCode, (perCounty.get(i.regionCode) ?? 0) + 1);
    expect(perCounty.size).toBe(122);
    expect(Math.min(...perCounty.values())).toBeGreaterThanOrEqual(3);
  });

  test('reallocates 330 million yuan in two rounds: 5 cities / 54 counties, then 9 cities / 59 counties', () => {
    const round = (n: number) => demo.reallocations.filter((r) => r.round === n);
    const cities = (n: number) => new Set(round(n).map((r) => `${r.toCode.slice(0, 4)}00`)).size;
    expect([round(1).length, cities(1), round(2).length, cities(2)]).toEqual([54, 5, 59, 9]);
    expect(demo.reallocations.reduce((sum, r) => sum + r.amount, 0)).toBe(330_000_000);
    expect(demo.reallocations.every((r) => r.fromCode === '430000' && r.amount % 10_000 === 0)).toBe(true);
    expect(demo.rounds.map((r) => [r.round, r.reallocatedOn, r.documentNumber])).toEqual([
      [1, '2020-07-28', '湘人社函〔2020〕41号'],
      [2, '2020-11-06', '湘人社函〔2020〕67号'],
    ]);
  });

  test('leaves December classes that run into 2021 unfinished when 2021 is not generated', () => {
    const running = demo.classes.filter((c) => c.finishedOn === null);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((c) => c.openedOn.startsWith('2020-12'))).toBe(true);
  });

  test('scales with years and size for benchmarks', () => {
    const bigger = generateDemoData(registry, { years: [2020, 2021], scale: 0.5 });
    const finished = (year: string) =>
      bigger.classes.filter((c) => c.finishedOn?.startsWith(year)).reduce((sum, c) => sum + c.completed, 0);
    expect(finished('2020')).toBe(CALIBRATION.trainees / 2);
    // 2021 adds the December 2020 classes that finish in January–March 2021.
    expect(finished('2021')).toBeGreaterThan(CALIBRATION.trainees / 2);
    expect(new Set(bigger.targets.map((t) => t.year))).toEqual(new Set([2020, 2021]));
    // Rounds are numbered across the years, so that each number names one round.
    expect(bigger.rounds.map((r) => `${r.round} ${r.reallocatedOn}`)).toEqual(['1 2020-07-28', '2 2020-11-06', '3 2021-07-28', '4 2021-11-06']);
    expect(new Set(bigger.reallocations.filter((r) => r.reallocatedOn.startsWith('2021')).map((r) => r.round))).toEqual(new Set([3, 4]));
  });
});
