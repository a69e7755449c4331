import { createRoute, z } from '@hono/zod-openapi';
import { listAudit } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { errorsFor, RegionCodeSchema } from '../schemas.ts';

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD，如 2026-11-25')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), '日期不存在')
  .openapi({ description: '北京时间的日期' });

/** The first or last instant of a day in Beijing time (UTC+8, no daylight saving), as stored: UTC ISO. */
const beijingDay = (date: string, end: boolean) => new Date(`${date}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00`).toISOString();

const AuditLineSchema = z.object({
  id: z.number().int(),
  at: z.string().openapi({ description: 'UTC 时间' }),
  actorLogin: z.string().nullable().openapi({ description: '操作人登录名（登录失败时为所输入的登录名；命令行为 cli）' }),
  address: z.string().nullable().openapi({ description: '来源地址' }),
  action: z.string().openapi({ example: 'auth.login' }),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

const route = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: '审计日志（省级管理员）：谁、何时、从何处、做了什么、涉及哪个地区；新的在前',
  request: {
    query: z.object({
      actor: z.string().trim().max(64, '登录名过长').optional(),
      action: z.string().trim().regex(/^[a-z.-]{1,40}$/, '操作应为如 auth.login 的代码，或以点结尾的前缀如 auth.').optional(),
      region: RegionCodeSchema.optional().openapi({ description: '该地区及其下级' }),
      from: DateSchema.optional(),
      to: DateSchema.optional(),
      page: z.coerce.number({ error: '页码应为正整数' }).int('页码应为正整数').min(1, '页码应为正整数').default(1),
      pageSize: z.coerce.number({ error: '每页条数应为 1–200' }).int().min(1, '每页条数应为 1–200').max(200, '每页条数应为 1–200').default(50),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), actions: z.array(z.string()), rows: z.array(AuditLineSchema) }),
        },
      },
      description: '一页审计记录',
    },
    ...errorsFor(400, 401, 403),
  },
});

export const auditRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:audit');
  const { actor, action, region, from, to, page, pageSize } = c.req.valid('query');
  const result = await listAudit(c.get('db'), {
    actor: actor || undefined,
    action,
    regionCode: region,
    from: from && beijingDay(from, false),
    to: to && beijingDay(to, true),
    page,
    pageSize,
  });
  return c.json({ page, pageSize, ...result }, 200);
});
