import { describe, expect, test } from 'vitest';
import { buildMetricRows, rankChange, rankRegions } from './ranking.ts';
import { figures } from './test-fixtures.ts';

const may = { year: 2020, month: 5 };

describe('rankRegions', () => {
  test('orders by completion ratio, then funds ratio, then code', () => {
    const ranks = rankRegions([
      { code: '430300', completionRatio: 0.5, fundsRatio: 0.3 },
      { code: '430200', completionRatio: 0.5, fundsRatio: 0.3 },
      { code: '430100', completionRatio: 0.5, fundsRatio: 0.4 },
      { code: '430400', completionRatio: 0.6, fundsRatio: 0.1 },
    ]);
    expect([...ranks.entries()]).toEqual([
      ['430400', 1],
      ['430100', 2],
      ['430200', 3],
      ['430300', 4],
    ]);
  });

  test('a region with zero target (no ratio) ranks last, not NaN', () => {
    const ranks = rankRegions([
      { code: '430100', completionRatio: null, fundsRatio: 0.9 },
      { code: '430200', completionRatio: 0, fundsRatio: null },
      { code: '430300', completionRatio: 0.1, fundsRatio: 0.1 },
    ]);
    expect(ranks.get('430300')).toBe(1);
    expect(ranks.get('430200')).toBe(2);
    expect(ranks.get('430100')).toBe(3);
  });

  test.each([
    [3, 5, 2],
    [5, 3, -2],
    [4, 4, 0],
    [1, undefined, null],
  ])('rank %i after %s is a change of %s', (current, previous, expected) => {
    expect(rankChange(current, previous)).toBe(expected);
  });
});

describe('buildMetricRows', () => {
  test('derives the contract fields by hand-computed values', () => {
    const [row] = buildMetricRows(
      may,
      [
        figures('430100', {
          target: 12_000,
          fundsBudget: 20_000_000,
          ytd: { classesOpened: 90, classesFinished: 80, trainees: 4_500, subsidised: 3_000, fundsAudited: 4_077_000 },
          month: { classesOpened: 20, trainees: 1_000 },
        }),
      ],
      null,
    );
    expect(row).toMatchObject({
      code: '430100',
      target: 12_000,
      trainees: 4_500,
      completionRatio: 4_500 / 12_000, // 0.375
      fundsRatio: 4_077_000 / 20_000_000, // 0.20385, exact: rounding is the display model's, once
      avgSubsidy: 4_077_000 / 3_000, // 1,359
      timeProgress: 5 / 12,
      lag: 4_500 / 12_000 - 5 / 12, // −0.041666…
      rank: 1,
      rankChange: null,
      month: { classesOpened: 20, classesFinished: 0, trainees: 1_000, fundsAudited: 0 },
    });
  });

  test('rank change compares with the same peers a month earlier', () => {
    const now = [
      figures('430100', { ytd: { trainees: 300 } }),
      figures('430200', { ytd: { trainees: 500 } }),
      figures('430300', { ytd: { trainees: 400 } }),
    ];
    const april = [
      figures('430100', { ytd: { trainees: 250 } }),
      figures('430200', { ytd: { trainees: 100 } }),
      figures('430300', { ytd: { trainees: 200 } }),
    ];
    const rows = buildMetricRows(may, now, april);
    expect(rows.map((r) => [r.code, r.rank, r.rankChange])).toEqual([
      ['430200', 1, 2],
      ['430300', 2, 0],
      ['430100', 3, -2],
    ]);
  });

  test('January has no rank change even when figures for another month are given', () => {
    const rows = buildMetricRows({ year: 2020, month: 1 }, [figures('430100')], [figures('430100')]);
    expect(rows[0]?.rankChange).toBeNull();
  });

  test('a month with no data gives zeros and null ratios, never NaN', () => {
    const [row] = buildMetricRows(may, [figures('430100', { target: 0, fundsBudget: 0 })], null);
    expect(row).toMatchObject({
      trainees: 0,
      completionRatio: null,
      fundsRatio: null,
      avgSubsidy: null,
      lag: null,
      rank: 1,
    });
    expect(JSON.stringify(row)).not.toContain('NaN');
  });

  test('ratios that show the same are still ranked by their exact values', () => {
    // 41,667 / 100,000 and 41,666 / 100,000 both show as 41.7%.
    const rows = buildMetricRows(
      may,
      [figures('430100', { target: 100_000, ytd: { trainees: 41_666 } }), figures('430200', { target: 100_000, ytd: { trainees: 41_667 } })],
      null,
    );
    expect(rows.map((r) => [r.code, r.completionRatio])).toEqual([
      ['430200', 0.41667],
      ['430100', 0.41666],
    ]);
  });
});
