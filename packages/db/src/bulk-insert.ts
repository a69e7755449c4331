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
  const rowsPerStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const insert = `INSERT INTO "${getTableConfig(table).name}" (${columns.map(([, column]) => `"${column.name}"`).join(',')}) VALUES `;
  const statements: InStatement[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    statements.push({
      sql: insert + chunk.map(() => placeholders).join(','),
      args: chunk.flatMap((row) => columns.map(([key]) => ((row as Record<string, unknown>)[key] ?? null) as InValue)),
    });
  }
  return statements;
}
