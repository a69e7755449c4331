import { ROLES } from '@dispatch/core';
import { listUsers, prepareDb, type Db } from '@dispatch/db';
import { createDemoAccounts } from '../auth/demo-accounts.ts';
import { seedDemoSupervision } from '../auth/demo-supervision.ts';
import type { Env } from '../env.ts';
import { markServerRunning } from '../ops/server-marker.ts';

/**
 * Brings the database up to date (migrations, regions) and, when it is empty and DEMO_DATA allows, fills it with the
 * demo year and its accounts, whose passwords are printed for a person to note. Done once, before any request.
 */
export async function prepareDatabase(env: Env): Promise<Db> {
  // Listed before the database is opened, taken out at exit: npm run restore refuses while it is there. A cluster's
  // primary lists itself for its workers (they end with it).
  markServerRunning(env.DATABASE_URL);
  const started = Date.now();
  const { db, filledWithDemo } = await prepareDb({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    demo: env.DEMO_DATA === 'true' ? {} : false,
  });
  if (filledWithDemo) {
    console.log(`已生成 2020 年演示数据 (demo data), ${Date.now() - started} ms`);
    const accounts = await createDemoAccounts(db);
    await seedDemoSupervision(db);
    console.log('\n演示账号 (demo accounts) — 密码只在首次启动时显示一次，请记下；用 npm run user -- passwd <登录名> 修改：');
    for (const a of accounts) console.log(`  ${a.login.padEnd(14)} ${ROLES[a.role].padEnd(6, '　')} ${a.regionCode}  密码 ${a.password}`);
    console.log('');
  } else {
    const users = await listUsers(db);
    const demo = users.filter((u) => u.demo).map((u) => u.login);
    if (demo.length) console.log(`演示账号：${demo.join('、')}（密码在首次启动时显示过；忘记了可用 npm run user -- passwd <登录名> 重设）`);
    if (users.length === 0) console.log('还没有任何账号：先用 npm run user -- add <登录名> --role province-admin --region 430000 创建管理员');
  }
  return db;
}

/** Migrations and regions a new release brings, applied before its workers start (a rolling restart); no demo fill. */
export async function migrateDatabase(env: Env): Promise<void> {
  const { db } = await prepareDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN, demo: false });
  db.$client.close();
}

/** The line people and spawnServer wait for: every process serves. */
export function announce(port: number, workers: number): void {
  // with several, the primary's pid: `kill -HUP` it for a rolling restart (printed whatever LOG_LEVEL says)
  const processes = workers > 1 ? `，${workers} 个服务进程，主进程 pid ${process.pid}` : '';
  console.log(`Dispatch 技能提升行动月调度平台: http://localhost:${port}  (API 文档: /api/docs${processes})`);
}
