import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { createUser, LoginTakenError } from './create-user.ts';
import { getUserByLogin } from './get-user-by-login.ts';
import { listUsers } from './list-users.ts';
import { setPassword } from './set-password.ts';
import { updateUser } from './update-user.ts';

let db: Db;
beforeEach(async () => {
  db = await createTestDb(false);
});

const cli = { actorId: null, actorLogin: 'cli', address: null };
const zhang = { login: 'zhang', displayName: '张三', role: 'city-leader' as const, regionCode: '430200', passwordHash: 'scrypt$hash-of-zhang' };

async function auditRows() {
  return (await db.$client.execute('SELECT actor_login, action, region_code, detail FROM audit_log ORDER BY id')).rows.map((r) => ({ ...r }));
}

describe('accounts', () => {
  test('creating an account writes its audit line, and nothing that leaves carries the hash', async () => {
    const user = await createUser(db, zhang, cli);
    expect(user).toMatchObject({ login: 'zhang', role: 'city-leader', regionCode: '430200', demo: false });
    expect(JSON.stringify(user)).not.toContain('hash');
    expect(JSON.stringify(await listUsers(db))).not.toContain('scrypt$');
    expect(await auditRows()).toEqual([
      { actor_login: 'cli', action: 'user.create', region_code: '430200', detail: '{"login":"zhang","role":"city-leader","demo":false}' },
    ]);
  });

  test('a login is taken once', async () => {
    await createUser(db, zhang, cli);
    await expect(createUser(db, { ...zhang, displayName: '另一个' }, cli)).rejects.toBeInstanceOf(LoginTakenError);
    expect(await listUsers(db)).toHaveLength(1);
  });

  test('a new password ends the account’s sessions and is audited', async () => {
    await createUser(db, zhang, cli);
    const user = (await getUserByLogin(db, 'zhang'))!;
    await db.$client.execute({ sql: "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('t', ?, 'c', '2099-01-01')", args: [user.id] });
    await setPassword(db, user, 'scrypt$new', cli);
    expect((await getUserByLogin(db, 'zhang'))!.passwordHash).toBe('scrypt$new');
    expect((await db.$client.execute('SELECT COUNT(*) AS n FROM sessions')).rows[0]!.n).toBe(0);
    expect((await auditRows()).map((r) => r.action)).toEqual(['user.create', 'user.password']);
  });

  test('the audit log refuses to be changed or emptied', async () => {
    await createUser(db, zhang, cli);
    await expect(db.$client.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.$client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await auditRows()).toHaveLength(1);
  });

  test('an account must name a known region', async () => {
    await expect(createUser(db, { ...zhang, regionCode: '999999' }, cli)).rejects.toThrow(/FOREIGN KEY/);
    expect(await auditRows()).toEqual([]);
  });
});

describe('updateUser', () => {
  test('nothing that differs writes nothing, not even an audit line', async () => {
    await createUser(db, zhang, cli);
    const before = (await auditRows()).length;
    const { changed } = await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { displayName: '张三', role: 'city-leader' }, cli);
    expect(changed).toEqual([]);
    expect(await auditRows()).toHaveLength(before);
  });

  test('stopping keeps the first stop time; starting clears it', async () => {
    await createUser(db, zhang, cli);
    const stopped = await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { disabled: true }, cli);
    expect(stopped.user.disabledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { disabled: true, displayName: '张' }, cli);
    expect(again.user.disabledAt).toBe(stopped.user.disabledAt);
    const started = await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { disabled: false }, cli);
    expect(started.user.disabledAt).toBeNull();
    expect((await auditRows()).filter((r) => r.action === 'user.update').map((r) => JSON.parse(String(r.detail)).changes)).toEqual([
      { disabled: [false, true] },
      { displayName: ['张三', '张'] },
      { disabled: [true, false] },
    ]);
  });
});
