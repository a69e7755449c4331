import { z } from '@hono/zod-openapi';
import {
  AccountChangesSchema, homeRegionProblem, LoginSchema, NewAccountSchema, NewPasswordSchema, OkSchema, UserChangedSchema,
  UserListSchema, UserSchema,
} from '@dispatch/core';
import { getRegion, getUserByLogin, listUsers, setPassword, updateUser } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { AccountError, createAccount } from '../auth/create-account.ts';
import { hashPassword } from '../auth/password.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';

const LoginParamSchema = z.object({ login: LoginSchema.meta({ param: { name: 'login', in: 'path' } }) });

const listRoute = jsonRoute('get', '/', '账号列表（省级管理员）', { tag: 'users', answer: UserListSchema, description: '按登录名排列', errors: [401, 403] });

const createUserRoute = jsonRoute('post', '/', '新建账号（省级管理员；需请求头 X-CSRF-Token）', {
  tag: 'users', request: { body: jsonBody(NewAccountSchema) }, answer: z.object({ user: UserSchema }), description: '已创建', status: 201, errors: [400, 401, 403, 409],
});

const resetRoute = jsonRoute('post', '/{login}/password', '重设某账号的密码（省级管理员；需请求头 X-CSRF-Token）；其所有会话随之结束', {
  tag: 'users', request: { params: LoginParamSchema, body: jsonBody(z.object({ password: NewPasswordSchema })) }, answer: OkSchema, description: '已重设',
  errors: [400, 401, 403, 404],
});

const updateRoute = jsonRoute(
  'patch',
  '/{login}',
  '修改账号：显示名、岗位、所属地区、停用或启用（省级管理员；需请求头 X-CSRF-Token）；岗位、地区变更或停用将结束其所有会话',
  { tag: 'users', request: { params: LoginParamSchema, body: jsonBody(AccountChangesSchema) }, answer: UserChangedSchema, description: '已修改', errors: [400, 401, 403, 404] },
);

/** The account named in the path, or a 404. */
async function accountOf(c: Context<AppEnv>, login: string) {
  const user = await getUserByLogin(c.get('db'), login);
  if (!user) throw httpError(404, `没有登录名为 ${login} 的账号`);
  return user;
}

/** The signed-in administrator, as the audit log records them. */
function actorOf(c: Context<AppEnv>) {
  const { user, address } = c.get('signedIn');
  return { actorId: user.id, actorLogin: user.login, address };
}

/** Account management: the province admin's alone ('manage:users'). */
export const userRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    await authorize(c, 'manage:users');
    return c.json({ users: await listUsers(c.get('db')) }, 200);
  })
  .openapi(createUserRoute, async (c) => {
    await authorize(c, 'manage:users');
    try {
      return c.json({ user: await createAccount(c.get('db'), c.req.valid('json'), actorOf(c)) }, 201);
    } catch (err) {
      if (err instanceof AccountError) throw httpError(err.conflict ? 409 : 400, `参数 ${err.field}：${err.message}`, err.conflict ? 'CONFLICT' : undefined);
      throw err;
    }
  })
  .openapi(resetRoute, async (c) => {
    await authorize(c, 'manage:users');
    const user = await accountOf(c, c.req.valid('param').login);
    await setPassword(c.get('db'), user, await hashPassword(c.req.valid('json').password), actorOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(updateRoute, async (c) => {
    await authorize(c, 'manage:users');
    const db = c.get('db');
    const changes = c.req.valid('json');
    const user = await accountOf(c, c.req.valid('param').login);
    const problem = homeRegionProblem(changes.role ?? user.role, await getRegion(db, changes.regionCode ?? user.regionCode));
    if (problem) throw httpError(400, `参数 ${changes.regionCode ? 'regionCode' : 'role'}：${problem}`);
    // The one acting is a province admin who can sign in; keeping themselves so means one always remains.
    if (user.id === c.get('signedIn').user.id && (changes.disabled || (changes.role && changes.role !== 'province-admin'))) {
      throw httpError(400, `参数 ${changes.disabled ? 'disabled' : 'role'}：不能停用自己的账号或取消自己的管理员岗位`);
    }
    return c.json(await updateUser(db, user, changes, actorOf(c)), 200);
  });
