import type { Db } from '../client.ts';

export async function countClasses(db: Db): Promise<number> {
  const result = await db.$client.execute('SELECT COUNT(*) AS n FROM training_classes');
  return Number(result.rows[0]!.n);
}

/** Whether the data was made by the demo generator (the UI must say so). */
export async function isDemoData(db: Db): Promise<boolean> {
  const result = await db.$client.execute("SELECT 1 FROM data_batches WHERE kind = 'demo' LIMIT 1");
  return result.rows.length > 0;
}
