import { parameterMessage, type ErrorBody } from '@dispatch/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { log } from './log.ts';
import type { AppEnv } from './router.ts';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS', 431: 'REQUEST_TOO_LONG', 500: 'INTERNAL',
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
  // @hono/zod-openapi, for a body whose Content-Type is not the route's
  'Unsupported Media Type': '请求体须为 JSON 对象，请求头 Content-Type 须注明 JSON 格式',
};

/** One place turns every failure into `{error: {code, message}}`; unexpected ones are logged, not leaked. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof HTTPException) {
    const code = (err.cause as { code?: string } | undefined)?.code ?? CODES[err.status] ?? 'ERROR';
    const message = LIBRARY_MESSAGES[err.message] ?? (err.message || DEFAULT_MESSAGES[err.status] || `请求失败（${err.status}）`);
    return c.json<ErrorBody>({ error: { code, message } }, err.status);
  }
  // The client went away while its body was being read: nobody is left to answer, and nothing of ours failed.
  if ((err as NodeJS.ErrnoException).code === 'ECONNRESET' && err.message === 'aborted') {
    log.info({ reqId: c.var.reqId, method: c.req.method, path: c.req.path }, 'request aborted by the client');
    return c.json<ErrorBody>({ error: { code: 'ABORTED', message: '请求在发送途中中断' } }, 400);
  }
  // One JSON line with the request's id and the stack: a path or message with line breaks cannot forge others.
  log.error({ reqId: c.var.reqId, method: c.req.method, path: c.req.path, err }, 'unexpected error');
  return c.json<ErrorBody>({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } }, 500);
}

interface ValidationIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  /** for `unrecognized_keys`: the keys not in the schema */
  keys?: readonly string[];
}

type ValidationResult = { target: string } & ({ success: true } | { success: false; error: { issues: readonly ValidationIssue[] } });

const NOT_AN_OBJECT = '请求体须为 JSON 对象';
const isJson = (contentType: string | undefined) => contentType !== undefined && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType);

/** One issue in words, naming its parameter: an unknown key by itself, a repeated query parameter as such. */
function describeIssue(issue: ValidationIssue, target: string, c: Context): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => parameterMessage([...path, key].join('.'), `未知的键「${key}」，不接受此项`));
  }
  if (path.length === 0) {
    if (target === 'json') return [issue.code === 'invalid_type' ? NOT_AN_OBJECT : `请求体：${issue.message}`];
    return [issue.message];
  }
  // Hono's query validator hands a parameter given twice over as a list of its values.
  if (target === 'query' && path.length === 1 && (c.req.queries(path[0]!)?.length ?? 0) > 1) return [parameterMessage(path[0]!, '只能出现一次')];
  return [parameterMessage(path.join('.'), issue.message)];
}

/** Zod validation failures answer 400 with each offending parameter named, in Chinese. */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  // A JSON route called without a JSON body (its Content-Type absent, and no body: the media-type gate refuses
  // any other) is validated as if the body were `{}`; it is the body that is missing, not each of its fields.
  const noBody = result.target === 'json' && !isJson(c.req.header('content-type'));
  const message = noBody ? NOT_AN_OBJECT : [...new Set(result.error.issues.flatMap((issue) => describeIssue(issue, result.target, c)))].join('；');
  return c.json<ErrorBody>({ error: { code: 'BAD_REQUEST', message } }, 400);
}
