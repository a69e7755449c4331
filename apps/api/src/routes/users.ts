import { createRoute, z } from '@hono/zod-openapi';
import { homeRegionProblem, ROLE_IDS } from '@dispatch/core';
import { createUser, getRegion, getUserByLogin, listUsers, LoginTakenError, setPassword, updateUser } from '@dispatch/db';
import { authorize } from '../access.ts';
import { hashPassword, LOGIN_PATTERN, LOGIN_RULE, passwordProblem } from '../auth/password.ts';
import { httpError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorsFor, jsonBody, OkSchema, RegionCodeSchema, UserSchema } from '../schemas.ts';

const PasswordSchema = z
  .string({ error: '请输入密码' })
  .max(256, '密码过长')
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const DisplayNameSchema = z.string({ error: '请输入显示名' }).trim().min(1, '请输入显示名').max(40, '显示名不超过 40 个字');
const RoleSchema = z.enum(ROLE_IDS, { error: `角色应为 ${ROLE_IDS.join('、')} 之一` });
const LoginParamSchema = z.object({
  login: z.string().regex(LOGIN_PATTERN, LOGIN_RULE).openapi({ param: { name: 'login', in: 'path' }, example: 'demo-city' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: '账号列表（省级管理员）',
  responses: { 200: { content: { 'application/json': { schema: z.object({ users: z.array(UserSchema) }) } }, description: '按登录名排列' }, ...errorsFor(401, 403) },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: '新建账号（省级管理员；需请求头 X-CSRF-Token）',
  request: {
    body: jsonBody(
      z.object({
        login: z.string({ error: '请输入登录名' }).trim().regex(LOGIN_PATTERN, LOGIN_RULE),
        displayName: DisplayNameSchema,
        role: RoleSchema,
        regionCode: RegionCodeSchema,
        password: PasswordSchema,
      }),
    ),
  },
  responses: { 201: { content: { 'application/json': { schema: z.object({ user: UserSchema }) } }, description: '已创建' }, ...errorsFor(400, 401, 403, 409) },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/users/{login}/password',
  tags: ['users'],
  summary: '重设某账号的密码（省级管理员；需请求头 X-CSRF-Token）；其所有会话随之结束',
  request: {
    params: LoginParamSchema,
    body: jsonBody(z.object({ password: PasswordSchema })),
  },
  responses: { 200: { content: { 'application/json': { schema: OkSchema } }, description: '已重设' }, ...errorsFor(400, 401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/users/{login}',
  tags: ['users'],
  summary: '修改账号：显示名、岗位、所属地区、停用或启用（省级管理员；需请求头 X-CSRF-Token）；岗位、地区变更或停用将结束其所有会话',
  request: {
    params: LoginParamSchema,
    body: jsonBody(
      z
        .object({
          displayName: DisplayNameSchema.optional(),
          role: RoleSchema.optional(),
          regionCode: RegionCodeSchema.optional(),
          disabled: z.boolean({ error: 'disabled 应为 true 或 false' }).optional(),
        })
        .refine((body) => Object.values(body).some((v) => v !== undefined), '请至少给出一项要修改的内容'),
    ),
  },
  responses: { 200: { content: { 'application/json': { schema: z.object({ user: UserSchema, changed: z.array(z.string()) }) } }, description: '已修改' }, ...errorsFor(400, 401, 403, 404) },
});

/** Account management: the province admin's alone ('manage:users'). */
export const userRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    await authorize(c, 'manage:users');
    return c.json({ users: await listUsers(c.get('db')) }, 200);
  })
  .openapi(createUserRoute, async (c) => {
    await authorize(c, 'manage:users');
    const db = c.get('db');
    const body = c.req.valid('json');
    const problem = homeRegionProblem(body.role, await getRegion(db, body.regionCode));
    if (problem) throw httpError(400, `参数 regionCode：${problem}`);
    const { user: actor, address } = c.get('signedIn');
    try {
      const user = await createUser(
        db,
        { login: body.login, displayName: body.displayName, role: body.role, regionCode: body.regionCode, passwordHash: await hashPassword(body.password) },
        { actorId: actor.id, actorLogin: actor.login, address },
      );
      return c.json({ user }, 201);
    } catch (err) {
      if (err instanceof LoginTakenError) throw httpError(409, `参数 login：${err.message}`, 'CONFLICT');
      throw err;
    }
  })
  .openapi(resetRoute, async (c) => {
    await authorize(c, 'manage:users');
    const db = c.get('db');
    const { login } = c.req.valid('param');
    const user = await getUserByLogin(db, login);
    if (!user) throw httpError(404, `没有登录名为 ${login} 的账号`);
    const { user: actor, address } = c.get('signedIn');
    await setPassword(db, user, await hashPassword(c.req.valid('json').password), { actorId: actor.id, actorLogin: actor.login, address });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(updateRoute, async (c) => {
    await authorize(c, 'manage:users');
    const db = c.get('db');
    const { login } = c.req.valid('param');
    const changes = c.req.valid('json');
    const user = await getUserByLogin(db, login);
    if (!user) throw httpError(404, `没有登录名为 ${login} 的账号`);
    const { user: actor, address } = c.get('signedIn');
    const role = changes.role ?? user.role;
    const regionCode = changes.regionCode ?? user.regionCode;
    const problem = homeRegionProblem(role, await getRegion(db, regionCode));
    if (problem) throw httpError(400, `参数 ${changes.regionCode ? 'regionCode' : 'role'}：${problem}`);
    // The one acting is a province admin who can sign in; keeping themselves so means one always remains.
    if (user.id === actor.id && (changes.disabled || (changes.role && changes.role !== 'province-admin'))) {
      throw httpError(400, `参数 ${changes.disabled ? 'disabled' : 'role'}：不能停用自己的账号或取消自己的管理员岗位`);
    }
    const result = await updateUser(db, user, changes, { actorId: actor.id, actorLogin: actor.login, address });
    return c.json(result, 200);
  });
