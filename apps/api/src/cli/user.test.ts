import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, getUserByLogin } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { childEnv } from '../testing/env.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let dir: string;
let url: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-cli-'));
  url = `file:${join(dir, 'cli.db')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run user -- …` as a real process on a real database file. */
function user(args: string[], options: { password?: string; input?: string } = {}) {
  const env = childEnv({ DATABASE_URL: url, DISPATCH_PASSWORD: options.password });
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/user.ts', ...args], {
    cwd: repoRoot,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run user', () => {
  test('adds the first administrator with the password from DISPATCH_PASSWORD, and lists it', () => {
    expect(user(['add', 'admin', '--role', 'province-admin', '--region', '430000', '--name', '省厅管理员'], { password: 'Hunan2020admin' })).toMatchObject({
      status: 0,
      out: '已创建账号 admin（省级管理员，430000）\n',
    });
    const listed = user(['list']);
    expect(listed.out).toBe('admin\t省厅管理员\tprovince-admin（省级管理员）\t430000\n');
    expect(listed.out).not.toContain('scrypt');
  });

  test('reads the password from standard input, and a new password replaces the old', async () => {
    expect(user(['add', 'zhuzhou', '--role', 'city-leader', '--region', '430200'], { input: 'Zhuzhou2020x\n' }).status).toBe(0);
    expect(user(['passwd', 'zhuzhou'], { input: 'Zhuzhou2021y\n' }).status).toBe(0);
    const db = createDb({ url });
    const stored = (await getUserByLogin(db, 'zhuzhou'))!.passwordHash;
    db.$client.close();
    expect(await verifyPassword('Zhuzhou2021y', stored)).toBe(true);
    expect(await verifyPassword('Zhuzhou2020x', stored)).toBe(false);
  });

  test.each([
    [['add', 'bad', '--role', 'boss', '--region', '430000'], 'Hunan2020abc', '--role：角色应为 province-admin'],
    [['add', 'bad', '--role', 'city-leader', '--region', '430202'], 'Hunan2020abc', '市州用户的所属地区应为市州级'],
    [['add', 'bad', '--role', 'viewer', '--region', '999999'], 'Hunan2020abc', '所属地区代码不存在'],
    [['add', 'bad', '--role', 'viewer', '--region', '430100'], 'short', '密码至少 10 个字符'],
    [['add', "x' OR 1=1", '--role', 'viewer', '--region', '430100'], 'Hunan2020abc', '登录名应为'],
    [['passwd', 'nobody'], 'Hunan2020abc', '没有登录名为 nobody 的账号'],
    [['remove', 'admin'], 'Hunan2020abc', '未知命令 remove'],
  ])('%j is refused: %s', (args, password, message) => {
    const result = user(args, { password });
    expect(result.status).toBe(2);
    expect(result.err).toContain(message);
  });

  test('a taken login is refused and nothing changes', () => {
    const result = user(['add', 'admin', '--role', 'viewer', '--region', '430100'], { password: 'Hunan2020abc' });
    expect(result).toMatchObject({ status: 1, err: '错误：登录名 admin 已被使用\n' });
    expect(user(['list']).out.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
