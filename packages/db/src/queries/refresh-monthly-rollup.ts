import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';

/**
 * Statements that rebuild region_month_rollup from the classes and approved audits, for every region or only
 * the given ones, and bump the data version. Run them in the same batch as the write they follow, so the rollup
 * is never stale and no cached result outlives the data it came from.
 */
export function refreshMonthlyRollupStatements(regionCodes?: readonly string[]): InStatement[] {
  const scoped = regionCodes !== undefined;
  const placeholders = (regionCodes ?? []).map(() => '?').join(',');
  const where = (column: string) => (scoped ? `AND ${column} IN (${placeholders})` : '');
  const args = (times: number) => (scoped ? Array.from({ length: times }, () => [...regionCodes]).flat() : []);
  return [
    // Every write bumps the data version with it: readers compare versions to know their cached results are stale.
    { sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'", args: [] },
    { sql: `DELETE FROM region_month_rollup WHERE 1=1 ${where('region_code')}`, args: args(1) },
    {
      sql: `INSERT INTO region_month_rollup
              (region_code, year, month, classes_opened, classes_finished, trainees, subsidised, funds_audited)
            SELECT region_code, y, m, SUM(opened), SUM(finished), SUM(trainees), SUM(subsidised), SUM(funds)
            FROM (
              SELECT region_code, CAST(substr(opened_on, 1, 4) AS INTEGER) AS y, CAST(substr(opened_on, 6, 2) AS INTEGER) AS m,
                     1 AS opened, 0 AS finished, 0 AS trainees, 0 AS subsidised, 0 AS funds
                FROM training_classes WHERE 1=1 ${where('region_code')}
              UNION ALL
              SELECT region_code, CAST(substr(finished_on, 1, 4) AS INTEGER), CAST(substr(finished_on, 6, 2) AS INTEGER),
                     0, 1, completed, subsidised, 0
                FROM training_classes WHERE finished_on IS NOT NULL ${where('region_code')}
              UNION ALL
              SELECT c.region_code, CAST(substr(a.audited_on, 1, 4) AS INTEGER), CAST(substr(a.audited_on, 6, 2) AS INTEGER),
                     0, 0, 0, 0, a.amount
                FROM fund_audits a JOIN training_classes c ON c.id = a.class_id
               WHERE a.status = 'approved' ${where('c.region_code')}
            )
            GROUP BY region_code, y, m`,
      args: args(3),
    },
  ];
}

export async function refreshMonthlyRollup(db: Db, regionCodes?: readonly string[]): Promise<void> {
  await db.$client.batch(refreshMonthlyRollupStatements(regionCodes), 'write');
}
