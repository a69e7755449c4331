import { randomInt } from 'node:crypto';
import { passwordProblem, type Role } from '@dispatch/core';
import { createUser, type Db } from '@dispatch/db';
import { hashPassword } from './password.ts';

/** One account per post, so that a newcomer can see what each post sees: 长沙 and its county 宁乡, 株洲 read-only. */
export const DEMO_ACCOUNTS: readonly { login: string; displayName: string; role: Role; regionCode: string }[] = [
  { login: 'demo-admin', displayName: '演示·省级管理员', role: 'province-admin', regionCode: '430000' },
  { login: 'demo-official', displayName: '演示·省人社厅职业能力建设处', role: 'province-official', regionCode: '430000' },
  { login: 'demo-city', displayName: '演示·长沙市人社局', role: 'city-leader', regionCode: '430100' },
  { login: 'demo-county', displayName: '演示·宁乡市人社局', role: 'county-staff', regionCode: '430182' },
  { login: 'demo-viewer', displayName: '演示·株洲市只读用户', role: 'viewer', regionCode: '430200' },
];

/** Letters and digits that cannot be mistaken for one another when read off a terminal. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random password in three groups of four, e.g. `k7mq-x3pa-9vte`, always with letters and digits. */
export function demoPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const password = [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!passwordProblem(password)) return password;
  }
}

/** Creates the demo accounts with fresh random passwords and answers them, for `npm start` to print once. */
export async function createDemoAccounts(db: Db): Promise<{ login: string; role: Role; regionCode: string; password: string }[]> {
  const created = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = demoPassword();
    await createUser(db, { ...account, passwordHash: await hashPassword(password), demo: true }, { actorId: null, actorLogin: 'demo-setup', address: null });
    created.push({ login: account.login, role: account.role, regionCode: account.regionCode, password });
  }
  return created;
}
