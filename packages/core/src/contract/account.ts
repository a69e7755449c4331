import { z } from 'zod';
import { LOGIN_PATTERN, LOGIN_RULE, passwordProblem } from '../access/account-rules.ts';
import { ROLE_IDS } from '../access/access.ts';
import { RegionCodeSchema } from './region.ts';

export const RoleSchema = z.enum(ROLE_IDS, { error: `角色应为 ${ROLE_IDS.join('、')} 之一` });

export const LoginSchema = z
  .string({ error: '请输入登录名' })
  .trim()
  .regex(LOGIN_PATTERN, LOGIN_RULE)
  .meta({ example: 'demo-city' });

/** A new password: the rules are core's, so the screen, the server and `npm run user` say the same. */
export const NewPasswordSchema = z
  .string({ error: '请输入密码' })
  .max(256, '密码过长')
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const DisplayNameSchema = z.string({ error: '请输入显示名' }).trim().min(1, '请输入显示名').max(40, '显示名不超过 40 个字');

/** An account as it may leave the server: never its hash. */
export const UserSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    regionCode: z.string(),
    demo: z.boolean().meta({ description: '演示账号' }),
    createdAt: z.string().meta({ description: 'UTC ISO 时间' }),
    passwordChangedAt: z.string(),
    disabledAt: z.string().nullable().meta({ description: '停用时间；null 为可用' }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const SignedInSchema = z.object({ user: UserSchema, csrfToken: z.string() }).meta({ id: 'SignedIn' });
export type SignedIn = z.infer<typeof SignedInSchema>;

export const SignInSchema = z.object({
  login: z.string({ error: '请输入登录名' }).trim().min(1, '请输入登录名').max(64, '登录名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
});

export const PasswordChangeSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(256, '密码过长'),
  newPassword: z.string({ error: '请输入新密码' }).max(256, '密码过长'),
});

export const NewAccountSchema = z.object({
  login: LoginSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  regionCode: RegionCodeSchema,
  password: NewPasswordSchema,
});
export type NewAccount = z.infer<typeof NewAccountSchema>;

export const AccountChangesSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    regionCode: RegionCodeSchema.optional(),
    disabled: z.boolean({ error: 'disabled 应为 true 或 false' }).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), '请至少给出一项要修改的内容');
export type AccountChanges = z.infer<typeof AccountChangesSchema>;

export const UserListSchema = z.object({ users: z.array(UserSchema) }).meta({ id: 'UserList' });
export const UserChangedSchema = z.object({ user: UserSchema, changed: z.array(z.string()) });
