import { z } from '@hono/zod-openapi';
import { isPeriod, REGION_LEVELS, ROLE_IDS } from '@dispatch/core';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '参数错误', 401: '未登录', 403: '无权操作', 404: '不存在或无数据', 409: '冲突', 429: '尝试过多',
};

/** OpenAPI entries for the `{error: {code, message}}` answers a route can give. */
export function errorsFor(...codes: number[]) {
  return Object.fromEntries(
    codes.map((code) => [code, { content: { 'application/json': { schema: ErrorSchema } }, description: ERROR_DESCRIPTIONS[code] ?? String(code) }]),
  );
}

export const errorResponses = errorsFor(400, 401, 403, 404);

export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260），如 430100');

export const PeriodSchema = z
  .string()
  .refine(isPeriod, '期间应为 YYYY-MM，月份 01–12，如 2020-05')
  .openapi({ example: '2020-05', description: '年度累计至该月末（"2020-05" 即 1 月 1 日至 5 月 31 日）' });

export const LevelSchema = z.enum(REGION_LEVELS, { error: '级别应为 province、city 或 county' });

export const RegionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: LevelSchema,
    parentCode: z.string().nullable(),
  })
  .openapi('Region');

const MonthValuesSchema = z.object({
  classesOpened: z.number().int(),
  classesFinished: z.number().int(),
  trainees: z.number().int(),
  fundsAudited: z.number().int(),
});

export const MetricRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: LevelSchema,
    parentCode: z.string().nullable(),
    target: z.number().int().openapi({ description: '目标任务（人次）' }),
    fundsBudget: z.number().int().openapi({ description: '资金预算（元），含截至期末的调剂' }),
    classesOpened: z.number().int().openapi({ description: '开班数' }),
    classesFinished: z.number().int().openapi({ description: '结课数' }),
    trainees: z.number().int().openapi({ description: '培训人次' }),
    subsidised: z.number().int().openapi({ description: '补贴人数' }),
    fundsAudited: z.number().int().openapi({ description: '资金审核数（元）' }),
    avgSubsidy: z.number().nullable().openapi({ description: '人均补贴（元）' }),
    completionRatio: z.number().nullable().openapi({ description: '完成比例，小数' }),
    fundsRatio: z.number().nullable().openapi({ description: '资金执行率，小数' }),
    timeProgress: z.number().openapi({ description: '时序进度 M/12' }),
    lag: z.number().nullable().openapi({ description: '完成比例 − 时序进度；小于 0 即落后于时序' }),
    rank: z.number().int(),
    rankChange: z.number().int().nullable().openapi({ description: '较上月名次变化，正数为上升' }),
    month: MonthValuesSchema.openapi({ description: '当月值' }),
  })
  .openapi('MetricRow');

export const UserSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_IDS),
    regionCode: z.string(),
    demo: z.boolean().openapi({ description: '演示账号' }),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
    disabledAt: z.string().nullable().openapi({ description: '停用时间；null 为可用' }),
  })
  .openapi('User');

export const OkSchema = z.object({ ok: z.literal(true) });

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
