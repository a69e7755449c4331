import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '@dispatch/db';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** A problem with the configuration, said in one line naming the variable: the process prints it and stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The URL as it may be printed: quoted (so nothing in it can start a new line), a token in it hidden. */
function shown(url: string): string {
  return JSON.stringify(url.replace(/(authToken=)[^&#]*/gi, '$1…'));
}

/** What is wrong with the form of a DATABASE_URL, before anything is opened. */
function databaseUrlProblem(url: string): string | undefined {
  if (!/^(file:|libsql:|https?:|wss?:|:memory:)/.test(url)) return '须以 file:、libsql://、http(s):// 或 ws(s):// 开头';
  if (url.startsWith('file:')) {
    // libSQL opens "file:" as a temporary database that vanishes at exit: nobody means that.
    if (!filePath(url)) return `${shown(url)} 没有文件路径（会成为退出即消失的临时数据库）；请写明文件，如 file:.data/dispatch.db`;
    return undefined;
  }
  if (url === ':memory:') return undefined;
  if (!URL.canParse(url) || !new URL(url).hostname) return `${shown(url)} 缺少服务器地址，如 libsql://dispatch.example.gov.cn`;
  return undefined;
}

const DatabaseEnv = z.object({
  /** `file:` (embedded, default), or `libsql://…` for a remote libSQL server */
  DATABASE_URL: z
    .string()
    .default(`file:${repoRoot}.data/dispatch.db`)
    .superRefine((url, ctx) => {
      const problem = databaseUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  DATABASE_AUTH_TOKEN: z.string().optional(),
});

const EnvSchema = DatabaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** fill an empty database with the 2020 demo data */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** the built web app served on the same port; empty to serve the API alone */
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  /** server processes on the one port (Node's cluster); 1 runs the server in this process alone */
  WORKERS: z.coerce.number({ message: '应为 1–64 的整数（服务进程数）' }).int({ message: '应为 1–64 的整数（服务进程数）' }).min(1, { message: '应为 1–64 的整数（服务进程数）' }).max(64, { message: '应为 1–64 的整数（服务进程数）' }).default(1),
  /**
   * Behind a reverse proxy: the number of proxies in front (1 for one nginx), whose X-Forwarded-For and
   * X-Forwarded-Proto are believed; 0 (default) believes no forwarded header.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** how much is logged, one JSON line each: silent, error, warn, info (one line per request), debug */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** on SIGTERM, how long requests in flight may still take before the process exits anyway, in ms */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
}).superRefine(({ WORKERS, DATABASE_URL }, ctx) => {
  // Each process would have a database of its own, unprepared: the workers must share a file or a server.
  if (WORKERS > 1 && DATABASE_URL === ':memory:') {
    ctx.addIssue({ code: 'custom', path: ['WORKERS'], message: '大于 1 时各进程须共用一个数据库：DATABASE_URL 不能是 :memory:，请用文件或数据库服务器' });
  }
});

/** The user command line: the same database as the server, and a password it may take from the environment. */
const CliEnvSchema = DatabaseEnv.extend({
  DISPATCH_PASSWORD: z.string().optional(),
});

/** LOG_LEVEL for the logger, read when it is made (before readEnv runs); a bad value is readEnv's to name. */
export function logLevel(source: NodeJS.ProcessEnv = process.env): (typeof LOG_LEVELS)[number] {
  const asked = source.LOG_LEVEL as (typeof LOG_LEVELS)[number] | undefined;
  return asked && LOG_LEVELS.includes(asked) ? asked : 'info';
}

export type DatabaseEnv = z.infer<typeof DatabaseEnv>;
export type Env = z.infer<typeof EnvSchema>;
export type CliEnv = z.infer<typeof CliEnvSchema>;

function parse<T>(schema: z.ZodType<T>, source: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；');
    throw new ConfigError(`配置有误：${problems}`);
  }
  return parsed.data;
}

/** Read once at start; a bad value stops the server with a message naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parse(EnvSchema, source);
}

export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  return parse(CliEnvSchema, source);
}

/** The file a `file:` URL names (`file:rel/x.db`, `file:/abs/x.db`, `file:///abs/x.db`), without its query. */
export function filePath(url: string): string {
  const rest = url.slice('file:'.length).split(/[?#]/)[0]!;
  return rest.startsWith('//') ? rest.slice(rest.indexOf('/', 2)) : rest;
}

/** The path itself if it exists, or its nearest ancestor that does. */
function nearestExisting(path: string): string {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** The embedded database's folder exists before libSQL opens the file; what stands in the way is a ConfigError. */
function ensureDatabaseFolder(url: string): void {
  if (!url.startsWith('file:')) return;
  const path = filePath(url);
  const blocker = nearestExisting(dirname(path));
  if (!statSync(blocker).isDirectory()) throw new ConfigError(`配置有误：DATABASE_URL ${shown(url)}：${blocker} 是文件，不是文件夹`);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new ConfigError(`配置有误：DATABASE_URL ${shown(url)}：无法创建文件夹 ${dirname(path)}（${reasonOf(err)}）`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new ConfigError(`配置有误：DATABASE_URL ${shown(url)} 指向文件夹，不是数据库文件`);
}

/** An error and its causes in one line. */
function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 3; e = e.cause) parts.push(e.message);
  return (parts.join(': ') || String(err)).replace(/\s+/g, ' ');
}

/**
 * Opens the database DATABASE_URL names once, before the real work: a folder where the file should be, a file
 * that is not a database, a server that does not answer all become a ConfigError saying so in one line, instead
 * of a stack trace from deep inside libSQL.
 */
export async function checkDatabase({ DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken }: DatabaseEnv): Promise<void> {
  ensureDatabaseFolder(url);
  let db: Db | undefined;
  try {
    db = createDb({ url, ...(authToken ? { authToken } : {}) });
    await db.$client.execute('SELECT count(*) FROM sqlite_schema'); // reads the file's header, or reaches the server
  } catch (err) {
    const what = url.startsWith('file:') ? '无法打开数据库文件' : '无法连接数据库服务器';
    throw new ConfigError(`配置有误：DATABASE_URL ${shown(url)}：${what}（${reasonOf(err)}）`);
  } finally {
    db?.$client.close();
  }
}

/** For an entry point: a ConfigError ends the process with its one line and exit code 1; anything else is thrown on. */
export async function orExitOnConfigError<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
