import type { Transaction } from '@libsql/client';
import { ClosedPeriodError } from './errors.ts';

/**
 * The tables of data that the write path logs: each row's natural key (as SQL over the table) and the columns its
 * before/after JSON holds — what a revert restores. Order: a revert deletes inserted rows in this order (a row
 * before what it references).
 */
export const LOGGED_TABLES = {
  fund_audits: { key: 'audit_no', columns: ['class_id', 'audited_on', 'amount', 'status', 'batch_id'] },
  training_classes: {
    key: 'class_no',
    columns: ['region_code', 'institution_id', 'occupation_id', 'training_type_id', 'opened_on', 'finished_on', 'enrolled', 'completed', 'subsidised', 'subsidy_standard', 'batch_id'],
  },
  fund_reallocations: { key: "round || ':' || from_code || ':' || to_code", columns: ['round', 'from_code', 'to_code', 'amount', 'reallocated_on', 'batch_id'] },
  reallocation_rounds: { key: 'CAST(round AS TEXT)', columns: ['reallocated_on', 'document_number', 'note', 'recorded_by', 'batch_id'] },
  annual_targets: { key: "region_code || ':' || year", columns: ['trainees', 'funds_budget', 'batch_id'] },
  institutions: { key: 'name', columns: ['region_code', 'kind'] },
  occupations: { key: 'name', columns: [] },
  training_types: { key: 'code', columns: ['name'] },
} as const satisfies Record<string, { key: string; columns: readonly string[] }>;

export type LoggedTable = keyof typeof LOGGED_TABLES;

/**
 * The tables whose inserts the write path does not log: their rows carry the batch that last wrote them, so a
 * batch's inserts are its rows that its log does not name (as long as no later batch changed them — a revert is
 * refused until that one is reverted). Logging every new row's JSON was a tenth of a large import's time.
 */
export const UNLOGGED_INSERTS = ['training_classes', 'fund_audits', 'annual_targets'] as const satisfies readonly LoggedTable[];

/** A batch's unlogged inserts as change-log rows (t, k, b, a) with b null; `batch` is the SQL naming its id. */
export function insertsOf(batch: string): string {
  return UNLOGGED_INSERTS.map((table) => {
    const { key } = LOGGED_TABLES[table];
    return `SELECT '${table}' AS t, ${key} AS k, NULL AS b, ${jsonOf(table, (c) => c)} AS a FROM ${table}
            WHERE batch_id = ${batch} AND ${key} NOT IN (SELECT natural_key FROM data_changes WHERE batch_id = ${batch} AND table_name = '${table}')`;
  }).join(' UNION ALL ');
}

/** `json_object('col', alias.col, …)` of a logged table's columns, with values taken from `values(col)`. */
export function jsonOf(table: LoggedTable, values: (column: string) => string): string {
  return `json_object(${LOGGED_TABLES[table].columns.map((c) => `'${c}', ${values(c)}`).join(', ')})`;
}

const j = (side: 'b' | 'a', field: string) => `json_extract(${side}, '$.${field}')`;
const differs = (...fields: string[]) => fields.map((f) => `${j('b', f)} IS NOT ${j('a', f)}`).join(' OR ');
const monthsOf = (table: string, field: string, when = '1') =>
  (['b', 'a'] as const).map((side) => `SELECT substr(${j(side, field)}, 1, 7) FROM c WHERE t = '${table}' AND (${when})`).join(' UNION ');

/**
 * Refuses the batch if its changes (logged, and its unlogged inserts) move any figure of a closed month: a class's opening counts in its
 * opening month, its completion (date, people) in its finishing month, an audit in its month. So a class opened in
 * a closed March and finished by the April import changes April only. A reallocation counts in the year-to-date
 * budget of its month and every later month of its year: refused when a month of its year at or after its date is
 * closed. A year's targets and allocations (annual_targets) feed every month of the year: refused when any month of
 * that year is closed.
 */
export async function refuseClosedMonths(tx: Transaction, batchId: number): Promise<void> {
  const closures = await tx.execute('SELECT EXISTS (SELECT 1 FROM period_closures) AS any');
  if (!Number(closures.rows[0]!.any)) return;
  const closed = "printf('%04d-%02d', p.year, p.month)";
  const { rows } = await tx.execute({
    sql: `WITH c(t, k, b, a) AS (SELECT table_name, natural_key, before, after FROM data_changes WHERE batch_id = ?1 UNION ALL SELECT t, k, b, a FROM (${insertsOf('?1')})),
          m(ym) AS (
            ${monthsOf('training_classes', 'opened_on', differs('opened_on', 'region_code'))}
            UNION ${monthsOf('training_classes', 'finished_on', differs('finished_on', 'completed', 'subsidised', 'region_code'))}
            UNION ${monthsOf('fund_audits', 'audited_on')}
          ),
          r(ym) AS (${monthsOf('fund_reallocations', 'reallocated_on')}),
          y(year) AS (SELECT CAST(substr(k, instr(k, ':') + 1) AS INTEGER) FROM c WHERE t = 'annual_targets' AND (${differs('trainees', 'funds_budget')}))
          SELECT ${closed} AS ym, 'month' AS reason FROM period_closures p WHERE ${closed} IN (SELECT ym FROM m)
          UNION SELECT ${closed}, 'reallocation' FROM period_closures p JOIN r ON r.ym IS NOT NULL AND p.year = CAST(substr(r.ym, 1, 4) AS INTEGER) AND ${closed} >= r.ym
          UNION SELECT ${closed}, 'annual' FROM period_closures p WHERE p.year IN (SELECT year FROM y)
          ORDER BY 1`,
    args: [batchId],
  });
  if (rows.length === 0) return;
  const reasons = new Set(rows.map((r) => String(r.reason)));
  const reason = reasons.has('annual') ? 'annual' : reasons.has('reallocation') ? 'reallocation' : 'month';
  throw new ClosedPeriodError([...new Set(rows.map((r) => String(r.ym)))], reason);
}

/** The regions whose rollup a batch's logged changes touch (classes' old and new regions, audits' classes'). */
export async function touchedRegions(tx: Transaction, batchId: number): Promise<string[] | undefined> {
  const { rows } = await tx.execute({
    sql: `WITH c(t, b, a) AS (SELECT table_name, before, after FROM data_changes WHERE batch_id = ? AND table_name IN ('training_classes', 'fund_audits'))
          SELECT ${j('b', 'region_code')} AS r FROM c WHERE t = 'training_classes'
          UNION SELECT ${j('a', 'region_code')} FROM c WHERE t = 'training_classes'
          UNION SELECT region_code FROM training_classes WHERE id IN (
            SELECT ${j('b', 'class_id')} FROM c WHERE t = 'fund_audits' UNION SELECT ${j('a', 'class_id')} FROM c WHERE t = 'fund_audits')`,
    args: [batchId],
  });
  return regionsToRefresh(rows.map((r) => r.r));
}

function regionsToRefresh(values: readonly unknown[]): string[] | undefined {
  const codes = values.filter((r): r is string => typeof r === 'string');
  // Rebuilding the whole rollup is cheaper than a long IN list once most regions are touched.
  return codes.length > 60 ? undefined : codes;
}
