import { describe, expect, test } from 'vitest';
import { buildMetricRows } from './ranking.ts';
import { RANKING_COLUMNS, defaultSortOrder, sortMetricRows } from './ranking-columns.ts';
import { figures } from './test-fixtures.ts';

const rows = buildMetricRows(
  { year: 2020, month: 6 },
  [
    figures('430100', { target: 1000, ytd: { trainees: 600, classesOpened: 5 } }),
    figures('430200', { target: 1000, ytd: { trainees: 400, classesOpened: 9 } }),
    figures('430300', { target: 0, ytd: { trainees: 50, classesOpened: 5 } }),
    figures('430400', { target: 1000, ytd: { trainees: 500, classesOpened: 1 } }),
  ],
  null,
);
const codes = (sorted: { code: string }[]) => sorted.map((r) => r.code);

describe('sortMetricRows', () => {
  test('by completion ratio descending is the rank order, missing ratio last', () => {
    expect(codes(sortMetricRows(rows, 'completionRatio', 'desc'))).toEqual(['430100', '430400', '430200', '430300']);
  });

  test('ascending keeps the missing ratio last too', () => {
    expect(codes(sortMetricRows(rows, 'completionRatio', 'asc'))).toEqual(['430200', '430400', '430100', '430300']);
  });

  test('ties keep rank order', () => {
    // 430100 (rank 1) and 430300 (rank 4) both opened 5 classes.
    expect(codes(sortMetricRows(rows, 'classesOpened', 'desc'))).toEqual(['430200', '430100', '430300', '430400']);
  });

  test('names sort in Chinese order', () => {
    expect(sortMetricRows(rows, 'name', 'asc').map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  test.each([
    ['rank', 'asc'],
    ['name', 'asc'],
    ['trainees', 'desc'],
  ] as const)('%s sorts %s on first click', (key, order) => {
    expect(defaultSortOrder(key)).toBe(order);
  });

  test('every column has a Chinese header and reads a value from a row', () => {
    for (const column of RANKING_COLUMNS) {
      expect(column.header).toMatch(/[\u4e00-\u9fff]/);
      expect(column.value(rows[0]!)).not.toBeUndefined();
    }
  });
});
