import type { InStatement, InValue } from '@libsql/client';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Multi-row INSERT statements for bulk loads: Drizzle's builder is several times slower for hundreds of thousands
 * of rows (stack notes), so bulk writes go through the libSQL client with prepared parameters. The table's name and
 * its columns' names come from the Drizzle schema; the columns written are those the first row has.
 */
export function bulkInsertStatements<T extends SQLiteTable>(table: T, rows: readonly T['$inferInsert'][]): InStatement[] {
  const [first] = rows;
  if (!first) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  return multiRowInsertStatements(
    `"${getTableConfig(table).name}"`,
    columns.map(([, column]) => column.name),
    rows.map((row) => columns.map(([key]) => ((row as Record<string, unknown>)[key] ?? null) as InValue)),
  );
}

/** The same for a table outside the schema (a TEMP staging table): rows as arrays in the order of `columns`. */
export function multiRowInsertStatements(table: string, columns: readonly string[], rows: readonly InValue[][], tail = ''): InStatement[] {
  const rowsPerStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const insert = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  const statements: InStatement[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    statements.push({ sql: insert + chunk.map(() => placeholders).join(',') + tail, args: chunk.flat() });
  }
  return statements;
}
