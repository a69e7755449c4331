import type { Db } from '../client.ts';

/** The years that have annual targets (目标任务): a year's months are periods only once it has them. */
export async function getTargetYears(db: Db): Promise<number[]> {
  const { rows } = await db.$client.execute('SELECT DISTINCT year FROM annual_targets ORDER BY year');
  return rows.map((row) => Number(row.year));
}
