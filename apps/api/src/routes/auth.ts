import { createRoute, z } from '@hono/zod-openapi';
import { appendAudit, createSession, endSession, findSession, getUserByLogin, toPublicUser, type Db } from '@dispatch/db';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { FailureLimiter } from '../auth/rate-limit.ts';
import { hashToken, newToken, SESSION_COOKIE, SESSION_HOURS } from '../auth/session-token.ts';
import { httpError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { ErrorSchema } from '../schemas.ts';

const UserSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.string(),
    regionCode: z.string(),
    demo: z.boolean(),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
  })
  .openapi('User');
const SignedInSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('SignedIn');
const errors = (codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { content: { 'application/json': { schema: ErrorSchema } }, description: String(code) }]));

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: '登录：设置会话 Cookie，返回账号与 CSRF 令牌',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            login: z.string({ error: '请输入登录名' }).trim().min(1, '请输入登录名').max(64, '登录名过长'),
            password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: { content: { 'application/json': { schema: SignedInSchema } }, description: '已登录' }, ...errors([400, 401, 429]) },
});
const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: '当前登录的账号',
  responses: { 200: { content: { 'application/json': { schema: SignedInSchema } }, description: '已登录' }, ...errors([401]) },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: '退出登录（需请求头 X-CSRF-Token）',
  responses: { 200: { content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } }, description: '已退出' }, ...errors([401, 403]) },
});

function addressOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // requests made in-process (tests) have no socket
  }
}

/** The signed-in account behind the request's cookie, if its session is live. */
export async function currentSession(c: Context, db: Db) {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const session = await findSession(db, tokenHash, new Date().toISOString());
  return session && { ...session, tokenHash };
}

/** Checked against a hash even for unknown logins, so that the answer takes as long either way. */
const unknownUserHash = hashPassword('no such account 0');

export interface AuthLimits {
  perLogin: FailureLimiter;
  perAddress: FailureLimiter;
}

export function createAuthRoutes(limits: AuthLimits) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const db = c.get('db');
      const { login, password } = c.req.valid('json');
      const address = addressOf(c);
      const keys = [`login:${login}`, `address:${address ?? 'local'}`];
      const wait = Math.max(limits.perLogin.retryAfter(keys[0]!), limits.perAddress.retryAfter(keys[1]!));
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000);
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw httpError(429, `登录失败次数过多，请 ${minutes} 分钟后再试`, 'TOO_MANY_ATTEMPTS');
      }
      const user = await getUserByLogin(db, login);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash));
      if (!user || !ok) {
        limits.perLogin.fail(keys[0]!);
        limits.perAddress.fail(keys[1]!);
        await appendAudit(db, { actorId: user?.id ?? null, actorLogin: login, address, action: 'auth.login-failed', regionCode: user?.regionCode ?? null });
        throw httpError(401, '登录名或密码错误', 'UNAUTHENTICATED');
      }
      limits.perLogin.clear(keys[0]!);
      const token = newToken();
      const csrfToken = newToken();
      await createSession(
        db,
        { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString(), address },
        { actorId: user.id, actorLogin: user.login, address, action: 'auth.login', regionCode: user.regionCode },
      );
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
        secure: new URL(c.req.url).protocol === 'https:',
      });
      return c.json({ user: toPublicUser(user), csrfToken }, 200);
    })
    .openapi(meRoute, async (c) => {
      const session = await currentSession(c, c.get('db'));
      if (!session) throw httpError(401, '未登录或登录已过期', 'UNAUTHENTICATED');
      return c.json({ user: toPublicUser(session.user), csrfToken: session.csrfToken }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const db = c.get('db');
      const session = await currentSession(c, db);
      if (!session) throw httpError(401, '未登录或登录已过期', 'UNAUTHENTICATED');
      if (c.req.header('x-csrf-token') !== session.csrfToken) throw httpError(403, 'CSRF 校验失败：请刷新页面后重试', 'CSRF');
      const { user } = session;
      await endSession(db, session.tokenHash, { actorId: user.id, actorLogin: user.login, address: addressOf(c), action: 'auth.logout', regionCode: user.regionCode });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    });
}
