import type { ErrorBody } from '@dispatch/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'TOO_MANY_ATTEMPTS', 500: 'INTERNAL',
};

export function httpError(status: ContentfulStatusCode, message: string, code = CODES[status] ?? 'ERROR'): HTTPException {
  return new HTTPException(status, { message, cause: { code } });
}

/** For exceptions thrown by middleware without a message of ours (Hono's origin check answers a bare 403). */
const DEFAULT_MESSAGES: Record<number, string> = {
  401: '未登录或登录已过期',
  403: '禁止访问：请求来源不符或无权操作',
  404: '没有这个地址',
};

/** What libraries throw in English, in the product's words. */
const LIBRARY_MESSAGES: Record<string, string> = {
  'Malformed JSON in request body': '请求体不是有效的 JSON',
};

/**
 * An unexpected error as one log line (the request and the message quoted as JSON, so that neither can forge
 * further lines), followed by its stack frames.
 */
function logLine(err: Error, c: Context): string {
  const frames = (err.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  return [`error: ${c.req.method} ${JSON.stringify(c.req.path)} ${err.name} ${JSON.stringify(err.message)}`, ...frames].join('\n');
}

/** One place turns every failure into `{error: {code, message}}`; unexpected ones are logged, not leaked. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    const code = (err.cause as { code?: string } | undefined)?.code ?? CODES[err.status] ?? 'ERROR';
    const message = LIBRARY_MESSAGES[err.message] ?? (err.message || DEFAULT_MESSAGES[err.status] || `请求失败（${err.status}）`);
    return c.json<ErrorBody>({ error: { code, message } }, err.status);
  }
  console.error(logLine(err, c));
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
