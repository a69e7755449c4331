import type { MetricRow } from '../contract/metric-row.ts';
import type { ColumnFormat, RankingColumn } from '../metrics/ranking-columns.ts';
import { DASH, grouped, MINUS } from './numbers.ts';
import { roundHalfAway } from './round.ts';
import { rankChangeCell } from './wording.ts';

interface NumberDisplay {
  /** the one rounding: from the exact value to the number shown, in the column's unit */
  shown(exact: number): number;
  /** the shown number as text on screen */
  text(shown: number): string;
  /** the shown number as a spreadsheet cell (a percentage as a fraction) */
  cell(shown: number): number;
  /** the spreadsheet format that writes `cell` as the screen writes `text` */
  numFmt: string;
}

const identity = (n: number) => n;
const whole: NumberDisplay = { shown: (n) => roundHalfAway(n), text: (n) => grouped(n), cell: identity, numFmt: '#,##0' };

/** Each numeric column format: its unit, its rounding, and how the screen and Excel write it. */
const NUMBER_DISPLAY: Record<Exclude<ColumnFormat, 'name'>, NumberDisplay> = {
  rank: whole,
  count: whole,
  yuan: whole,
  wan: { shown: (n) => roundHalfAway(n / 10_000, 2), text: (n) => grouped(n, 2), cell: identity, numFmt: '#,##0.00' },
  percent: { shown: (n) => roundHalfAway(n * 100, 1), text: (n) => `${grouped(n, 1)}%`, cell: (n) => n / 100, numFmt: '0.0%' },
  points: {
    shown: (n) => roundHalfAway(n * 100, 1),
    text: (n) => `${n > 0 ? '+' : ''}${grouped(n, 1)}`,
    cell: identity,
    numFmt: '+0.0;"−"0.0;0.0',
  },
  // Excel writes the number as the screen does: ↑2, ↓1, 持平 (the cell stays the number 2, −1, 0)
  change: { shown: identity, text: rankChangeCell, cell: identity, numFmt: '"↑"0;"↓"0;"持平"' },
};

export interface DisplayedCell {
  /** what the screen shows */
  text: string;
  /** what a spreadsheet cell holds: the same rounded number, or the name; null when there is no value */
  cell: number | string | null;
  /** the spreadsheet number format, for numeric columns */
  numFmt?: string;
}

/** A ranking cell for the screen and the Excel file alike: one rounding, two writings of the same number. */
export function displayCell(column: RankingColumn, row: MetricRow): DisplayedCell {
  const value = column.value(row);
  if (value === null) return { text: DASH, cell: null };
  if (typeof value === 'string' || column.format === 'name') return { text: String(value), cell: value };
  const display = NUMBER_DISPLAY[column.format];
  const shown = display.shown(value);
  return { text: display.text(shown), cell: display.cell(shown), numFmt: display.numFmt };
}

/** The spreadsheet format of a column, or undefined for text columns. */
export function columnNumFmt(column: RankingColumn): string | undefined {
  return column.format === 'name' ? undefined : NUMBER_DISPLAY[column.format].numFmt;
}

/** A column's header with its unit: 「资金审核数（万元）」. */
export function columnHeader(column: RankingColumn): string {
  return column.unit ? `${column.header}（${column.unit}）` : column.header;
}


/**
 * The spreadsheet cell of a text `displayCell` wrote: the same number and format, read back from the text. A
 * document that keeps only its text (the bulletin, frozen when issued) still gives Excel numbers, not strings;
 * a text the column's display did not write (a blank, a remark) stays text.
 */
export function cellOfText(column: RankingColumn, text: string): Omit<DisplayedCell, 'text'> {
  if (text === '' || text === DASH) return { cell: null };
  if (column.format === 'name') return { cell: text };
  const display = NUMBER_DISPLAY[column.format];
  const shown = column.format === 'change' ? rankChangeOf(text) : Number(text.replace(/,/g, '').replace(MINUS, '-').replace(/%$/, ''));
  return Number.isFinite(shown) ? { cell: display.cell(shown), numFmt: display.numFmt } : { cell: text };
}

function rankChangeOf(text: string): number {
  if (text === rankChangeCell(0)) return 0;
  const match = /^([↑↓])(\d+)$/.exec(text);
  return match ? (match[1] === '↑' ? 1 : -1) * Number(match[2]) : Number.NaN;
}
