import type { BulletinChart, BulletinColumn, BulletinTable } from '../contract/bulletin.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import { displayCell } from '../display/ranking-cells.ts';
import { grouped, percentNumber } from '../display/numbers.ts';
import { rankingNote } from '../display/ranking-text.ts';
import { RANKING_COLUMNS, type RankingColumn, type RankingColumnKey } from '../metrics/ranking-columns.ts';
import { periodLabel, timeProgress, type Period } from '../metrics/period.ts';

/** The bulletin's tables' columns, in order: the ranking's own columns, so the bulletin, the screen and Excel agree. */
const CITY_KEYS: readonly RankingColumnKey[] = [
  'rank', 'name', 'target', 'classesOpened', 'classesFinished', 'trainees', 'completionRatio', 'lag', 'fundsAudited', 'fundsRatio', 'rankChange',
];
const COUNTY_KEYS: readonly RankingColumnKey[] = [...CITY_KEYS.slice(0, 2), 'parentName', ...CITY_KEYS.slice(2)];

const columnOf = (key: RankingColumnKey): RankingColumn => RANKING_COLUMNS.find((c) => c.key === key)!;

function bulletinColumn(column: RankingColumn, level: 'city' | 'county'): BulletinColumn {
  const label = column.key === 'name' ? (level === 'city' ? '市州' : '县市区') : column.header;
  const wide = column.key === 'name' || column.key === 'parentName';
  return { key: column.key, label, unit: column.unit, align: wide ? 'left' : 'right', width: wide ? 1.6 : 1 };
}

/** The cells of a row, each the display model's text; for the total row, no rank and no change. */
function cellsOf(columns: readonly RankingColumn[], row: MetricRow, totalName?: string): string[] {
  return columns.map((column) => {
    if (totalName !== undefined && (column.key === 'rank' || column.key === 'rankChange' || column.key === 'parentName')) return '';
    if (totalName !== undefined && column.key === 'name') return totalName;
    return displayCell(column, row).text;
  });
}

export interface RegionTableSpec {
  period: Period;
  level: 'city' | 'county';
  title: string;
  rows: readonly MetricRow[];
  /** the row printed last as the total (the province's, or the city's over its counties) and the name it shows */
  total?: { row: MetricRow; name: string };
  emphasis: (row: MetricRow) => boolean;
  /** the counties of one city: no 所属市州 column */
  parentName?: string;
}

/** A table of regions: every number the display model's text of the metric row's exact value. */
export function regionTable({ period, level, title, rows, total, emphasis, parentName }: RegionTableSpec): BulletinTable {
  const keys = level === 'city' || parentName ? CITY_KEYS : COUNTY_KEYS;
  const columns = keys.map(columnOf);
  const rankScope = parentName ? `名次为全省县市区排名；` : '';
  return {
    title,
    columns: columns.map((c) => bulletinColumn(c, level)),
    rows: rows.map((row) => ({ cells: cellsOf(columns, row), ...(emphasis(row) ? { emphasis: true } : {}) })),
    ...(total ? { total: cellsOf(columns, total.row, total.name) } : {}),
    notes: [`${rankScope}${rankingNote(period, { level })}`],
  };
}

/**
 * The cities' completion ratios as bars against the time line, in rank order; with each value's and the time line's
 * text as the display model writes it (9.0, as the table's 9.0%), for the bars' labels.
 */
export function completionChart(period: Period, cities: readonly MetricRow[]): BulletinChart {
  return {
    kind: 'completion-bars',
    title: `${periodLabel(period)}各市州完成比例`,
    labels: cities.map((c) => c.name),
    values: cities.map((c) => (c.completionRatio === null ? 0 : percentNumber(c.completionRatio))),
    timeLine: percentNumber(timeProgress(period)),
    valueTexts: cities.map((c) => (c.completionRatio === null ? '0.0' : grouped(percentNumber(c.completionRatio), 1))),
    timeLineText: grouped(percentNumber(timeProgress(period)), 1),
  };
}
