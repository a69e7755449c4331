import { serve } from '@hono/node-server';
import { prepareDb } from '@dispatch/db';
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { ensureDatabaseFolder, readEnv } from './env.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = readEnv();
ensureDatabaseFolder(env.DATABASE_URL);

const started = Date.now();
const { db, filledWithDemo } = await prepareDb({
  url: env.DATABASE_URL,
  authToken: env.DATABASE_AUTH_TOKEN,
  demo: env.DEMO_DATA === 'true' ? {} : false,
});
if (filledWithDemo) console.log(`已生成 2020 年演示数据 (demo data), ${Date.now() - started} ms`);

const app = createApp({ db, webDist: env.WEB_DIST || undefined });
serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Dispatch 技能提升行动月调度平台: http://localhost:${info.port}  (API 文档: /api/docs)`);
});
