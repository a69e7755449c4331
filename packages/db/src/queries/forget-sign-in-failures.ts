import type { Db } from '../client.ts';

/**
 * Deletes counted attempts that were not failures (`ids`: a right password gives its reservation back) and every
 * failure of `clearKeys` (a sign-in succeeded: the account's count starts again).
 */
export async function forgetSignInFailures(db: Db, ids: readonly number[], clearKeys: readonly string[] = []): Promise<void> {
  const statements = [
    ...(ids.length ? [{ sql: `DELETE FROM sign_in_failures WHERE id IN (${ids.map(() => '?').join(', ')})`, args: [...ids] }] : []),
    ...clearKeys.map((key) => ({ sql: 'DELETE FROM sign_in_failures WHERE key = ?', args: [key] })),
  ];
  if (statements.length) await db.$client.batch(statements, 'write');
}
