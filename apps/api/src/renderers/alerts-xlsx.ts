import { RULE_LABELS, type Alert } from '@dispatch/core';
import { finishSheet, titledSheet } from './workbook.ts';

export interface AlertSheet {
  title: string;
  note: string;
  alerts: readonly Alert[];
  /** a region's official name by code, for the 所属市州 column */
  nameOf: (code: string | null) => string;
}

const COLUMNS = [
  { header: '级别', width: 8 },
  { header: '地区', width: 22 },
  { header: '所属市州', width: 14 },
  { header: '规则', width: 14 },
  { header: '预警', width: 8 },
  { header: '情况', width: 90 },
] as const;

const SEVERITY = { red: '红', yellow: '黄' } as const;

/** The alerts as the alerts page shows them: one row each, the rule's sentence as written, red rows marked. */
export async function renderAlertsXlsx({ title, note, alerts, nameOf }: AlertSheet): Promise<Buffer> {
  const { workbook, sheet } = titledSheet('预警', title, COLUMNS);
  for (const alert of alerts) {
    const row = sheet.addRow([
      alert.level === 'city' ? '市州' : '县市区',
      alert.regionName,
      alert.level === 'county' ? nameOf(alert.parentCode) : '',
      RULE_LABELS[alert.rule],
      SEVERITY[alert.severity],
      alert.message,
    ]);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    if (alert.severity === 'red') row.getCell(5).font = { bold: true, color: { argb: 'FFC8372D' } };
  }
  return finishSheet(workbook, sheet, note);
}
