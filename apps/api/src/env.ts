import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** `file:` (embedded, default), or `libsql://…` for a remote libSQL server */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:|:memory:)/, 'DATABASE_URL 须以 file:、libsql://、http(s):// 或 ws(s):// 开头')
    .default(`file:${repoRoot}.data/dispatch.db`),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** fill an empty database with the 2020 demo data */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** the built web app served on the same port; empty to serve the API alone */
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
});

export type Env = z.infer<typeof EnvSchema>;

/** Read once at start; a bad value stops the server with a message naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置有误 (environment):\n${problems}`);
  }
  return parsed.data;
}
