import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { ErrorBodySchema, RegionCodeSchema } from '@dispatch/core';

/** OpenAPI-only helpers: every row shape itself is defined once, in core's contract. */

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '参数错误', 401: '未登录', 403: '无权操作', 404: '不存在或无数据', 409: '冲突', 413: '请求体过大', 422: '内容无法处理（如有印不出的字）', 429: '尝试过多',
};

/** OpenAPI entries for the `{error: {code, message}}` answers a route can give. */
export function errorsFor(...codes: number[]) {
  return Object.fromEntries(
    codes.map((code) => [code, { content: { 'application/json': { schema: ErrorBodySchema } }, description: ERROR_DESCRIPTIONS[code] ?? String(code) }]),
  );
}

/** What a validated, signed-in read can answer besides its data. */
export const ERRORS = [400, 401, 403, 404];
export const errorResponses = errorsFor(...ERRORS);

/** A JSON answer of a schema. */
export const jsonOf = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** The `{code}` path parameter of a region's routes. */
export const RegionCodeParamSchema = z.object({
  code: RegionCodeSchema.meta({ param: { name: 'code', in: 'path' }, example: '430100' }),
});

type Method = 'get' | 'post' | 'put' | 'patch';
type Request = NonNullable<RouteConfig['request']>;

/**
 * A route's OpenAPI definition from its facts: method, path, tag, what it does, what it takes, its JSON answer
 * (200, or 201 for what it creates) and the failures it can answer.
 */
export function jsonRoute<P extends string, S extends z.ZodType, Req extends Request = Request, C extends 200 | 201 = 200>(
  method: Method,
  path: P,
  summary: string,
  spec: { tag: string; request?: Req; answer: S; description: string; status?: C; errors: number[] },
) {
  const responses = { [spec.status ?? 200]: jsonOf(spec.answer, spec.description), ...errorsFor(...spec.errors) } as Record<C, ReturnType<typeof jsonOf<S>>>;
  return createRoute({ method, path, tags: [spec.tag], summary, request: spec.request as Req, responses });
}
