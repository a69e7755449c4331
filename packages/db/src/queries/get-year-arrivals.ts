import type { DataArrivals } from '@dispatch/core';
import type { Db } from '../client.ts';

/**
 * 数据到达, for the no-data alert: for each month of a year up to `lastMonth` (index 0 is January), how many of each
 * region's counties have data for the month (a county's own: 0 or 1 of 1), and the latest month any data arrived for
 * in any year. Batches reverted since do not count.
 */
export async function getYearArrivals(db: Db, { year, lastMonth }: { year: number; lastMonth: number }): Promise<DataArrivals> {
  const [arrived, regions, latest] = await db.$client.batch(
    [
      {
        sql: `SELECT DISTINCT a.month, a.region_code FROM data_arrivals a JOIN data_batches b ON b.id = a.batch_id AND b.reverted_by IS NULL
              WHERE a.year = ? AND a.month <= ?`,
        args: [year, lastMonth],
      },
      "SELECT code, level, parent_code FROM regions WHERE level = 'county'",
      `SELECT a.year, a.month FROM data_arrivals a JOIN data_batches b ON b.id = a.batch_id AND b.reverted_by IS NULL
       ORDER BY a.year DESC, a.month DESC LIMIT 1`,
    ],
    'read',
  );
  const cityOf = new Map(regions!.rows.map((r) => [String(r.code), String(r.parent_code)]));
  const countiesOf = new Map<string, number>();
  for (const city of cityOf.values()) countiesOf.set(city, (countiesOf.get(city) ?? 0) + 1);
  const months = Array.from({ length: lastMonth }, () => new Map<string, { arrived: number; of: number }>());
  for (const month of months) {
    for (const [county, city] of cityOf) {
      month.set(county, { arrived: 0, of: 1 });
      if (!month.has(city)) month.set(city, { arrived: 0, of: countiesOf.get(city)! });
    }
  }
  for (const row of arrived!.rows) {
    const month = months[Number(row.month) - 1]!;
    const code = String(row.region_code);
    const city = cityOf.get(code);
    if (city === undefined) continue; // a city's own classes: its counties still have to arrive
    month.get(code)!.arrived = 1;
    month.get(city)!.arrived += 1;
  }
  const last = latest!.rows[0];
  return { months, latest: last ? { year: Number(last.year), month: Number(last.month) } : null };
}
