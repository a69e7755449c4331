import type { ImportKind, ImportRowsByKind } from '../contract/imports.ts';

/** The calendar years a file's rows fall in: classes by opening and finishing, audits by their date. */
export function rowYears<K extends ImportKind>(rows: readonly ImportRowsByKind[K][]): number[] {
  const years = new Set<number>();
  const add = (date: string | null) => { if (date) years.add(Number(date.slice(0, 4))); };
  for (const row of rows as readonly ImportRowsByKind[ImportKind][]) {
    if ('openedOn' in row) { add(row.openedOn); add(row.finishedOn); }
    else if ('auditedOn' in row) add(row.auditedOn);
    else years.add(row.year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * What an import is right to warn of without refusing it: classes or audits of a year that has no 目标任务 yet are
 * stored, but the year's months only become periods (and appear on every screen) once its targets are imported —
 * staff loading January before the year's targets would otherwise see nothing change. `years`: the rows' (rowYears).
 */
export function importWarnings(kind: ImportKind, years: readonly number[], yearsWithTargets: readonly number[]): string[] {
  if (kind !== 'classes' && kind !== 'audits') return [];
  return years
    .filter((year) => !yearsWithTargets.includes(year))
    .map((year) => `${year}年尚无目标任务：数据已可导入，但须导入${year}年的目标任务后，${year}年各月才会出现在统计期间中`);
}
