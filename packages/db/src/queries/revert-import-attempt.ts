import type { Db } from '../client.ts';
import { RevertRefusedError } from '../write-path/errors.ts';
import type { Actor } from './append-audit.ts';
import { revertBatch, type RevertResult } from './revert-batch.ts';

/**
 * 撤销一次导入: reverts the batch an applied upload wrote (revertBatch: restored exactly, its own audit line) and
 * marks the upload reverted. An upload that was not applied, or is reverted already, is refused (RevertRefusedError).
 */
export async function revertImportAttempt(db: Db, id: number, actor: Actor): Promise<RevertResult> {
  const { rows } = await db.$client.execute({ sql: 'SELECT status, batch_id FROM import_attempts WHERE id = ?', args: [id] });
  const attempt = rows[0];
  if (!attempt) throw new RevertRefusedError(`没有第${id}号导入记录`);
  if (attempt.status === 'reverted') throw new RevertRefusedError(`第${id}号导入已撤销，不能重复撤销`);
  if (attempt.status !== 'applied' || attempt.batch_id === null) throw new RevertRefusedError(`第${id}号记录只是校验，没有导入数据，无可撤销`);
  // revertBatch refuses a batch reverted already, so of two reverts at once one wins and the other is refused. The
  // record is marked in the revert's own transaction: a crash leaves both as they were, never a reverted batch listed
  // as applied.
  return revertBatch(db, Number(attempt.batch_id), actor, async (tx) => {
    await tx.execute({
      sql: `UPDATE import_attempts SET status = 'reverted', reverted_by_id = ?, reverted_by_login = ?, reverted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
      args: [actor.actorId, actor.actorLogin, id],
    });
  });
}
