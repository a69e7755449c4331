import { z } from 'zod';
import { isCalendarDate } from '../display/time.ts';
import { pageOf, pageQuery } from './envelope.ts';
import { RegionCodeSchema } from './region.ts';

/** One line of the audit log as it leaves the server. */
export const AuditLineSchema = z
  .object({
    id: z.number().int(),
    at: z.string().meta({ description: 'UTC ISO 时间' }),
    actorLogin: z.string().nullable().meta({ description: '操作人登录名（登录失败时为所输入的登录名；命令行为 cli）' }),
    address: z.string().nullable().meta({ description: '来源地址' }),
    action: z.string().meta({ example: 'auth.login' }),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditLine' });
export type AuditLine = z.infer<typeof AuditLineSchema>;

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD，如 2026-11-25')
  .refine(isCalendarDate, '日期不存在')
  .meta({ description: '北京时间的日期' });

export const AuditQuerySchema = z
  .object({
    actor: z.string().trim().max(64, '登录名过长').optional(),
    action: z.string().trim().regex(/^[a-z.-]{1,40}$/, '操作应为如 auth.login 的代码，或以点结尾的前缀如 auth.').optional(),
    region: RegionCodeSchema.optional().meta({ description: '该地区及其下级' }),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
  })
  .extend(pageQuery(200, 50).shape);

export const AuditPageSchema = pageOf(AuditLineSchema, { actions: z.array(z.string()) }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;
