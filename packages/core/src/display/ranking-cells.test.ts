import { describe, expect, test } from 'vitest';
import { RANKING_COLUMNS } from '../metrics/ranking-columns.ts';
import { metricRow } from '../testing/metric-row.ts';
import { cellOfText, displayCell } from './ranking-cells.ts';

const rows = [
  metricRow({ code: '430100', target: 138_830, trainees: 57_650, classesOpened: 9_712, fundsAudited: 1_226_000_000.5, completionRatio: 0.41526, fundsRatio: 0.462, lag: -0.0214, rankChange: 2, completionChange: 0.0123 }),
  metricRow({ code: '430200', target: 1_000, trainees: 0, completionRatio: 0, fundsRatio: null, lag: 0.05, rankChange: -3, completionChange: -0.001 }),
  metricRow({ code: '430300', rankChange: 0, lag: 0, avgSubsidy: 1_234.5 }),
];

describe('a displayed text read back as a spreadsheet cell', () => {
  test.each(RANKING_COLUMNS.map((column) => [column.key, column] as const))('%s: the same cell and format as displayCell gives', (_, column) => {
    for (const row of rows) {
      const { text, ...cell } = displayCell(column, row);
      expect(cellOfText(column, text), `${row.code}: ${text}`).toEqual(cell);
    }
  });

  test.each([
    ['a blank (a total row’s rank)', 'rank', '', { cell: null }],
    ['a remark', 'trainees', '另计', { cell: '另计' }],
    ['an unknown change', 'rankChange', '新增', { cell: '新增' }],
  ] as const)('%s stays as it is', (_, key, text, cell) => {
    expect(cellOfText(RANKING_COLUMNS.find((c) => c.key === key)!, text)).toEqual(cell);
  });
});
