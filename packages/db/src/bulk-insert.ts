import type { InStatement } from '@libsql/client';

/**
 * Multi-row INSERT statements for bulk loads: Drizzle's builder is several times slower for hundreds of thousands
 * of rows (stack notes), so bulk writes go through the libSQL client with prepared parameters.
 */
export function bulkInsertStatements<T>(
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  values: (row: T) => (string | number | null)[],
  rowsPerStatement = Math.max(1, Math.floor(30_000 / columns.length)),
): InStatement[] {
  const statements: InStatement[] = [];
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => placeholders).join(',')}`,
      args: chunk.flatMap(values),
    });
  }
  return statements;
}
