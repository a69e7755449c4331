import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const DatabaseEnv = z.object({
  /** `file:` (embedded, default), or `libsql://…` for a remote libSQL server */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:|:memory:)/, 'DATABASE_URL 须以 file:、libsql://、http(s):// 或 ws(s):// 开头')
    .default(`file:${repoRoot}.data/dispatch.db`),
  DATABASE_AUTH_TOKEN: z.string().optional(),
});

const EnvSchema = DatabaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** fill an empty database with the 2020 demo data */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** the built web app served on the same port; empty to serve the API alone */
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
});

/** The user command line: the same database as the server, and a password it may take from the environment. */
const CliEnvSchema = DatabaseEnv.extend({
  DISPATCH_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;
export type CliEnv = z.infer<typeof CliEnvSchema>;

function parse<T>(schema: z.ZodType<T>, source: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置有误 (environment):\n${problems}`);
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

/** The embedded database's folder exists before libSQL opens the file. */
export function ensureDatabaseFolder(url: string): void {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
}
