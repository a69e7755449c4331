import type { FundRow } from '@dispatch/core';

/** The funds table's sortable columns, each a field of the row; 万元 on screen, yuan in the data. */
export const FUND_COLUMNS = [
  { key: 'budget', label: '预算' },
  { key: 'audited', label: '已审核' },
  { key: 'unspent', label: '结余' },
  { key: 'projectedNeed', label: '预计需求' },
  { key: 'gap', label: '缺口' },
] as const;
export type FundSortKey = (typeof FUND_COLUMNS)[number]['key'] | 'fundsRatio' | 'name';
export const FUND_SORT_KEYS: readonly FundSortKey[] = [...FUND_COLUMNS.map((c) => c.key), 'fundsRatio', 'name'];

export interface FundSort {
  key: FundSortKey;
  order: 'asc' | 'desc';
}

/** Rows in the order asked; ties (and the name column) by region code, so the order never flickers. */
export function sortFundRows(rows: readonly FundRow[], { key, order }: FundSort): FundRow[] {
  const sign = order === 'asc' ? 1 : -1;
  const value = (row: FundRow) => (key === 'name' ? 0 : (row[key] ?? -Infinity));
  return [...rows].sort((a, b) => sign * (value(a) - value(b)) || (key === 'name' ? sign : 1) * a.regionCode.localeCompare(b.regionCode));
}

/** A typed amount in 万元 ('12.5', '－３', '−3') as whole yuan; null when it is not a number. */
export function wanToYuan(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/\u2212/g, '-').trim();
  if (!/^[+-]?(\d+(\.\d{0,4})?|\.\d{1,4})$/.test(plain)) return null;
  return Math.round(Number(plain) * 10_000);
}

/** Yuan as the 万元 an input shows: 1,234,500 → '123.45'; whole 万元 without decimals. */
export function yuanToWan(yuan: number): string {
  return String(yuan / 10_000);
}

/** What a round's lines add up to: received, given (positive), and the net from the provincial pool. */
export function roundTotals(amounts: readonly number[]): { received: number; given: number; net: number } {
  const received = amounts.filter((a) => a > 0).reduce((s, a) => s + a, 0);
  const given = amounts.filter((a) => a < 0).reduce((s, a) => s - a, 0);
  return { received, given, net: received - given };
}
