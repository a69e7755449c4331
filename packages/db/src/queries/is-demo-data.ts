import type { Db } from '../client.ts';

/**
 * Whether a year's data was made by the demo generator (the UI, the bulletin and the exports must say so): its
 * classes (by opening date) all come from demo batches — a year that imports wrote any class of is real data. Without
 * a year: whether any year is demo.
 */
export async function isDemoData(db: Db, year?: number): Promise<boolean> {
  if (year === undefined) return (await listDemoYears(db)).length > 0;
  return (await listDemoYears(db, year)).includes(year);
}

/** The years whose classes come only from demo batches (a row's batch is the last one that wrote it), in order. */
export async function listDemoYears(db: Db, year?: number): Promise<number[]> {
  const demo = await db.$client.execute("SELECT EXISTS (SELECT 1 FROM data_batches WHERE kind = 'demo') AS any");
  if (!Number(demo.rows[0]!.any)) return [];
  const { rows } = await db.$client.execute({
    sql: `SELECT CAST(substr(c.opened_on, 1, 4) AS INTEGER) AS year FROM training_classes c JOIN data_batches b ON b.id = c.batch_id
          ${year === undefined ? '' : 'WHERE c.opened_on BETWEEN ?1 AND ?2'}
          GROUP BY 1 HAVING MIN(b.kind = 'demo') = 1 ORDER BY 1`,
    args: year === undefined ? [] : [`${year}-01-01`, `${year}-12-31`],
  });
  return rows.map((r) => Number(r.year));
}
