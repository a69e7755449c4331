import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '@dispatch/db';
import type { ComputedCache } from './computed-cache.ts';
import { validationHook } from './errors.ts';

export interface AppEnv {
  Variables: { db: Db; cache: ComputedCache };
}

/** Every route group is built here so that all of them share the 400 validation answer. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
