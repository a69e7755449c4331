import { OpenAPIHono } from '@hono/zod-openapi';
import type { User } from '@dispatch/core';
import type { Db, Versions } from '@dispatch/db';
import type { ComputedCache } from './computed-cache.ts';
import type { ClientInfo } from './ops/client-info.ts';
import type { CoalescedRead } from './versions.ts';
import { validationHook } from './errors.ts';

/** The signed-in person behind a request (set by the access guard). */
export interface SignedIn {
  user: User;
  csrfToken: string;
  tokenHash: string;
  /** the client's address, for the audit log */
  address: string | null;
}

export interface AppEnv {
  Variables: {
    db: Db;
    cache: ComputedCache;
    /** the database's versions, read by a read shared only with requests that arrived before it started */
    versionReader: CoalescedRead<Versions>;
    /** this request's versions, once read (versions.ts requestVersions) */
    versions: Promise<Versions>;
    /** the app's clock: the time now (tests fix it; a bulletin is dated by it) */
    now: () => Date;
    /** set by the access guard on every route that is not public */
    signedIn: SignedIn;
    /** set by `authorize` once the route's access rule has been checked and passed */
    authorized: true;
    /** the request's id, in its log line and its X-Request-Id header (set by the request log, first of all) */
    reqId: string;
    /** the client's address and scheme, forwarded headers believed as TRUST_PROXY says (set by the request log) */
    client: ClientInfo;
  };
}

/** Every route group is built here so that all of them share the 400 validation answer. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
