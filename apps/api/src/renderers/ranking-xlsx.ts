import { columnHeader, columnNumFmt, displayCell, rankingColumns, type MetricRow, type RegionLevel } from '@dispatch/core';
import { finishSheet, textWidth, titledSheet } from './workbook.ts';

export interface RankingSheet {
  level: RegionLevel;
  title: string;
  note: string;
  rows: readonly MetricRow[];
}

/**
 * The visible ranking as an .xlsx workbook: a title row, the screen's columns with Chinese headers, the rows.
 * Each cell holds the number the screen shows (core's display model rounds it, once), formatted as the screen
 * writes it; nothing is rounded here.
 */
export async function renderRankingXlsx({ level, title, note, rows }: RankingSheet): Promise<Buffer> {
  const shown = rankingColumns(level);
  const columns = shown.map((column) => ({
    header: columnHeader(column),
    // Wide enough for the header on at most two lines (it wraps), and for the longest region name.
    width: column.format === 'name' ? 22 : Math.max(12, Math.ceil(textWidth(columnHeader(column)) / 2) + 3),
    numFmt: columnNumFmt(column),
  }));
  const { workbook, sheet } = titledSheet('排名', title, columns);
  for (const row of rows) sheet.addRow(shown.map((column) => displayCell(column, row).cell));
  return finishSheet(workbook, sheet, note);
}
