import { ROLES } from '@dispatch/core';
import { listUsers, prepareDb } from '@dispatch/db';
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { seedDemoSupervision } from './auth/demo-supervision.ts';
import { createDemoAccounts } from './auth/demo-accounts.ts';
import { checkDatabase, orExitOnConfigError, readEnv } from './env.ts';
import { listen } from './listen.ts';
import { markServerRunning } from './ops/server-marker.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = await orExitOnConfigError(async () => {
  const env = readEnv();
  await checkDatabase(env);
  return env;
});

const started = Date.now();
const { db, filledWithDemo } = await prepareDb({
  url: env.DATABASE_URL,
  authToken: env.DATABASE_AUTH_TOKEN,
  demo: env.DEMO_DATA === 'true' ? {} : false,
});
markServerRunning(env.DATABASE_URL); // npm run restore refuses while it is there
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

const app = createApp({ db, webDist: env.WEB_DIST || undefined, trustProxy: env.TRUST_PROXY });
listen(app, { port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Dispatch 技能提升行动月调度平台: http://localhost:${info.port}  (API 文档: /api/docs)`);
});
