import { OkSchema, PasswordChangeSchema, passwordProblem, SignedInSchema, SignInSchema } from '@dispatch/core';
import { appendAudit, createSession, endSession, getUserByLogin, setPassword, toPublicUser } from '@dispatch/db';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { addressOf, authorize } from '../access.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { reserveAttempt, type AttemptSlot, type Reservation } from '../auth/rate-limit.ts';
import { hashToken, newToken, SESSION_COOKIE, SESSION_HOURS } from '../auth/session-token.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';

const loginRoute = jsonRoute('post', '/login', '登录：设置会话 Cookie，返回账号与 CSRF 令牌', {
  tag: 'auth', request: { body: jsonBody(SignInSchema) }, answer: SignedInSchema, description: '已登录', errors: [400, 401, 413, 429],
});
const meRoute = jsonRoute('get', '/me', '当前登录的账号', { tag: 'auth', answer: SignedInSchema, description: '已登录', errors: [401] });
const logoutRoute = jsonRoute('post', '/logout', '退出登录（需请求头 X-CSRF-Token）', { tag: 'auth', answer: OkSchema, description: '已退出', errors: [401, 403] });
const passwordRoute = jsonRoute('post', '/password', '修改自己的密码（需请求头 X-CSRF-Token）；该账号的所有会话随之结束，需重新登录', {
  tag: 'auth', request: { body: jsonBody(PasswordChangeSchema) }, answer: OkSchema, description: '已修改', errors: [400, 401, 403, 429],
});

/** Checked against a hash even for unknown logins, so that the answer takes as long either way. */
const unknownUserHash = hashPassword('no such account 0');

/** Failed attempts allowed per account and per address in the window (ms). */
export interface AuthLimits {
  perLogin: number;
  perAddress: number;
  windowMs: number;
}

const loginKey = (login: string) => `login:${login}`;

/** The limits a sign-in attempt on `login` from `address` counts against. */
function signInSlots(limits: AuthLimits, login: string, address: string | null): AttemptSlot[] {
  return [
    { key: loginKey(login), limit: limits.perLogin },
    { key: `address:${address ?? 'local'}`, limit: limits.perAddress },
  ];
}

const minutes = (wait: number) => Math.ceil(wait / 60_000);

/** Counts the attempt before the password is checked, or answers 429 with Retry-After when a limit holds it back. */
async function reserveOrHoldBack(c: Context<AppEnv>, limits: AuthLimits, slots: AttemptSlot[]): Promise<Reservation> {
  const reservation = await reserveAttempt(c.get('db'), slots, limits.windowMs);
  if ('wait' in reservation) {
    c.header('Retry-After', String(Math.ceil(reservation.wait / 1000)));
    throw httpError(429, `登录失败次数过多，请 ${minutes(reservation.wait)} 分钟后再试`, 'TOO_MANY_ATTEMPTS');
  }
  return reservation;
}

/** The same words for a wrong password and an unknown login, so that the answer tells nothing about the account. */
function wrongCredentials({ remaining, waitIfFailed }: Reservation) {
  if (remaining > 0) return httpError(401, `登录名或密码错误，还可尝试 ${remaining} 次`, 'UNAUTHENTICATED');
  return httpError(401, `登录名或密码错误；失败次数过多，请 ${minutes(waitIfFailed)} 分钟后再试`, 'UNAUTHENTICATED');
}

export function createAuthRoutes(limits: AuthLimits) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const db = c.get('db');
      const { login, password } = c.req.valid('json');
      const address = addressOf(c);
      const attempt = await reserveOrHoldBack(c, limits, signInSlots(limits, login, address));
      const user = await getUserByLogin(db, login);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash));
      if (!user || !ok) {
        // The reserved attempt stays counted: it was a failure.
        await appendAudit(db, { actorId: user?.id ?? null, actorLogin: login, address, action: 'auth.login-failed', regionCode: user?.regionCode ?? null });
        throw wrongCredentials(attempt);
      }
      // Not a failure; and a right password starts the account's count again (unless the account is stopped).
      await attempt.release(user.disabledAt ? [] : [loginKey(login)]);
      if (user.disabledAt) {
        // Said only to someone who knows the password: the account exists but has been stopped.
        await appendAudit(db, { actorId: user.id, actorLogin: login, address, action: 'auth.login-failed', regionCode: user.regionCode, detail: { reason: 'disabled' } });
        throw httpError(401, '该账号已停用，请联系省级管理员', 'ACCOUNT_DISABLED');
      }
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
        secure: c.var.client.https, // behind a TLS proxy, as X-Forwarded-Proto says when TRUST_PROXY is set
      });
      return c.json({ user: toPublicUser(user), csrfToken }, 200);
    })
    .openapi(meRoute, async (c) => {
      await authorize(c, 'signed-in');
      const { user, csrfToken } = c.get('signedIn');
      return c.json({ user, csrfToken }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await authorize(c, 'signed-in');
      const { user, tokenHash, address } = c.get('signedIn');
      await endSession(c.get('db'), tokenHash, { actorId: user.id, actorLogin: user.login, address, action: 'auth.logout', regionCode: user.regionCode });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(passwordRoute, async (c) => {
      await authorize(c, 'signed-in');
      const db = c.get('db');
      const { currentPassword, newPassword } = c.req.valid('json');
      const { user, address } = c.get('signedIn');
      // Guessing the current password through an open session counts as failed sign-ins of the account.
      const attempt = await reserveOrHoldBack(c, limits, [{ key: loginKey(user.login), limit: limits.perLogin }]);
      const account = (await getUserByLogin(db, user.login))!;
      if (!(await verifyPassword(currentPassword, account.passwordHash))) throw httpError(400, '参数 currentPassword：当前密码不正确');
      await attempt.release();
      const weak = passwordProblem(newPassword);
      if (weak) throw httpError(400, `参数 newPassword：${weak}`);
      if (newPassword === currentPassword) throw httpError(400, '参数 newPassword：新密码不能与当前密码相同');
      // Ends every session of the account, this one included: the person signs in again with the new password.
      await setPassword(db, account, await hashPassword(newPassword), { actorId: user.id, actorLogin: user.login, address });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    });
}
