import { groupByRule, MOVER_GROUPS, RULE_LABELS, type Alert, type AlertSummary, type Mover } from '@dispatch/core';
import { finishSheet, noteUnder, titledSheet, type SheetColumn } from './workbook.ts';

/** A summons candidate with its rank in each month of the year so far (null: no rank that month). */
export interface SummonsLine {
  alert: Alert;
  ranks: readonly (number | null)[];
}

export interface AlertsWorkbook {
  /** the page's title, the first sheet's; the other sheets' titles add what they list */
  title: string;
  /** the file's note: where it came from */
  note: string;
  /** whom the summons list takes, as the page says (「市州后3位、县市区后10位，连续3个月以上」) */
  summonsCriteria: string;
  summons: readonly SummonsLine[];
  /** the alerts in the API's order; listed grouped by rule, as the page shows them */
  alerts: readonly Alert[];
  movers: AlertSummary['movers'];
  /** which levels' movers the page shows, in its order */
  moverLevels: readonly ('city' | 'county')[];
  /** the months of the year so far: 「1月」… */
  months: readonly string[];
  /** a region's official name by code, for the 所属市州 column */
  nameOf: (code: string | null) => string;
}

const LEVEL = { city: '市州', county: '县市区', province: '全省' } as const;
const SEVERITY = { red: '红', yellow: '黄' } as const;
const RED = { bold: true, color: { argb: 'FFC8372D' } };

const region = [
  { header: '级别', width: 8 },
  { header: '地区', width: 22 },
  { header: '所属市州', width: 14 },
] as const satisfies readonly SheetColumn[];

const regionCells = (r: { level: Alert['level']; regionName: string; parentCode: string | null }, nameOf: AlertsWorkbook['nameOf']) =>
  [LEVEL[r.level], r.regionName, r.level === 'county' ? nameOf(r.parentCode) : ''];

/**
 * The alerts page as a workbook, a sheet for each of its parts in its order and with its filters: 约谈名单 (each
 * region's sentence and its rank month by month), 预警 (one row an alert, red rows marked) and 本月变化 (who moved).
 */
export async function renderAlertsXlsx(book: AlertsWorkbook): Promise<Buffer> {
  const { title, note, nameOf } = book;
  const summons = titledSheet('约谈名单', `${title}·约谈名单（${book.summonsCriteria}）`, [
    ...region,
    { header: '情况', width: 44 },
    ...book.months.map((month) => ({ header: `${month}名次`, width: 7 })),
  ]);
  const { workbook } = summons;
  for (const { alert, ranks } of book.summons) {
    const row = summons.sheet.addRow([...regionCells(alert, nameOf), alert.message, ...ranks]);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
  }
  noteUnder(summons.sheet, book.summons.length === 0 ? `本月没有持续排名靠后的地区。${note}` : `共 ${book.summons.length} 个地区。${note}`);

  const list = titledSheet('预警', title, [...region, { header: '规则', width: 14 }, { header: '预警', width: 8 }, { header: '情况', width: 90 }], workbook);
  for (const alert of groupByRule(book.alerts).flatMap(([, group]) => group)) {
    const row = list.sheet.addRow([...regionCells(alert, nameOf), RULE_LABELS[alert.rule], SEVERITY[alert.severity], alert.message]);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    if (alert.severity === 'red') row.getCell(5).font = RED;
  }
  noteUnder(list.sheet, `共 ${book.alerts.length} 条。${note}`);

  const moves = titledSheet('本月变化', `${title}·本月变化`, [...region, { header: '变化', width: 20 }, { header: '本月名次', width: 9 }, { header: '情况', width: 50 }], workbook);
  const movers: { group: string; mover: Mover }[] = book.moverLevels.flatMap((level) =>
    MOVER_GROUPS.flatMap(([key, group]) => book.movers[level][key].map((mover) => ({ group, mover }))),
  );
  for (const { group, mover } of movers) moves.sheet.addRow([...regionCells(mover, nameOf), group, mover.rank, mover.message]);
  return finishSheet(workbook, moves.sheet, movers.length === 0 ? `本月没有名次或时序进度的变化（1 月无上月可比）。${note}` : note);
}
