import type { MetricRow } from '../contract/metric-row.ts';

/** A region whose 结余 (budget − audited) would be below zero in some month once a round's change counts. */
export interface Overdraft {
  regionCode: string;
  regionName: string;
  /** the month (1–12) of the lowest 结余 after the change; the first such month on a tie */
  month: number;
  /** that month's 结余 after the change, yuan (below zero) */
  unspent: number;
  /** the first month (1–12) below zero */
  firstMonth: number;
}

/**
 * 调剂后各月结余: a round counts in a region's budget from its date's month to the year's end, so a region's 结余
 * must stay at or above zero in every one of those months, not only in the round's own month (in January nearly
 * the whole budget is unspent; by December most of it is spent). `months` are the year's metric rows of one level
 * (index 0 is January, up to the last month with data), `fromMonth` the round's month, `changes` each region's
 * change of budget by the round (yuan, negative when it gives). Answers the regions whose 结余 would go below zero
 * in some month from `fromMonth` on, in the order of `changes`.
 */
export function overdrafts(months: readonly (readonly MetricRow[])[], fromMonth: number, changes: ReadonlyMap<string, number>): Overdraft[] {
  const found: Overdraft[] = [];
  for (const [code, change] of changes) {
    let worst: Omit<Overdraft, 'firstMonth'> | null = null;
    let firstMonth: number | null = null;
    for (let month = fromMonth; month <= months.length; month++) {
      const row = months[month - 1]!.find((r) => r.code === code);
      if (!row) continue;
      const after = row.fundsBudget - row.fundsAudited + change;
      if (after >= 0) continue;
      firstMonth ??= month;
      if (!worst || after < worst.unspent) worst = { regionCode: code, regionName: row.name, month, unspent: after };
    }
    if (worst && firstMonth !== null) found.push({ ...worst, firstMonth });
  }
  return found;
}
