import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  error: { code: string; message: string };
}

const CODES: Record<number, string> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 500: 'INTERNAL' };

export function httpError(status: ContentfulStatusCode, message: string, code = CODES[status] ?? 'ERROR'): HTTPException {
  return new HTTPException(status, { message, cause: { code } });
}

/** One place turns every failure into `{error: {code, message}}`; unexpected ones are logged, not leaked. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    const code = (err.cause as { code?: string } | undefined)?.code ?? CODES[err.status] ?? 'ERROR';
    return c.json<ErrorBody>({ error: { code, message: err.message } }, err.status);
  }
  console.error(err);
  return c.json<ErrorBody>({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } }, 500);
}

type ValidationResult = { target: string } & (
  | { success: true }
  | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }
);

/** Zod validation failures answer 400 with each offending parameter named. */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  const message = result.error.issues
    .map((issue) => `参数 ${issue.path.map(String).join('.') || result.target}：${issue.message}`)
    .join('；');
  return c.json<ErrorBody>({ error: { code: 'BAD_REQUEST', message } }, 400);
}
