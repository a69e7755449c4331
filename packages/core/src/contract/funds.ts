import { z } from 'zod';
import { isCalendarDate } from '../display/time.ts';
import { pathNumber } from './envelope.ts';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema, RegionLevelSchema } from './region.ts';

const yuan = (description: string) => z.number().int().meta({ description: `${description}（元）` });

/** The most one line of a round may move: 1亿元, far above any county's budget (a typo guard, not a policy). */
export const MAX_LINE_AMOUNT = 100_000_000;
/** The most a suggestion may be asked to move: 10亿元. */
export const MAX_SUGGESTION_TOTAL = 1_000_000_000;

export const FundsQuerySchema = z.object({
  period: PeriodSchema.optional().meta({ description: '缺省为最新月份' }),
  level: z.enum(['city', 'county'], { error: '级别应为 city 或 county' }).default('county'),
  parent: RegionCodeSchema.optional().meta({ description: '只看某市州的县市区' }),
});
export type FundsQuery = z.input<typeof FundsQuerySchema>;

/** One region's funds for a period: core's fundPosition over its metric row. */
export const FundRowSchema = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    parentName: z.string().nullable(),
    target: z.number().int(),
    trainees: z.number().int(),
    budget: yuan('预算：分配额 ± 截至期末的调剂'),
    audited: yuan('已审核'),
    unspent: yuan('结余 = 预算 − 已审核，超支为负'),
    remainingTarget: z.number().int().meta({ description: '剩余目标（人）' }),
    costPerTrainee: z.number().nullable().meta({ description: '测算所用已结业人均资金（元，未舍入）；本地区尚无时用全省的' }),
    costBasis: z.enum(['region', 'province']).nullable().meta({ description: 'region 本地区 · province 全省；null 为无从测算' }),
    projectedNeed: yuan('预计需求 = 剩余目标 × 已结业人均资金'),
    gap: yuan('缺口 = max(0, 预计需求 − 结余)'),
    surplus: yuan('可调出 = max(0, 结余 − 预计需求)'),
    completionRatio: z.number().nullable(),
    fundsRatio: z.number().nullable(),
    timeProgress: z.number(),
    donor: z.boolean().meta({ description: '可作调出地区：有可调出资金且资金执行率低于时序进度' }),
  })
  .meta({ id: 'FundRow' });
export type FundRow = z.infer<typeof FundRowSchema>;

export const FundsSchema = z
  .object({ period: z.string(), level: RegionLevelSchema, parentCode: z.string().nullable(), rows: z.array(FundRowSchema) })
  .meta({ id: 'Funds' });
export type Funds = z.infer<typeof FundsSchema>;

export const SuggestionRequestSchema = z.strictObject({
  period: PeriodSchema.optional().meta({ description: '按哪个月的数据测算，缺省为最新月份' }),
  total: z
    .number({ error: '调剂总额应为整数（元）' })
    .int('调剂总额应为整数（元）')
    .min(10_000, '调剂总额至少 1 万元（10000 元）')
    .max(MAX_SUGGESTION_TOTAL, '调剂总额不能超过 10 亿元'),
  withinCity: z.boolean({ error: 'withinCity 应为 true 或 false' }).default(true).meta({ description: '优先市内调剂，缺省为是' }),
});
export type SuggestionRequest = z.input<typeof SuggestionRequestSchema>;

export const SuggestedLineSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  parentCode: z.string().nullable(),
  amount: yuan('正数调入、负数调出，整万元'),
  reason: z.string().meta({ description: '一句中文说明' }),
});

export const SuggestionSchema = z
  .object({
    period: z.string(),
    total: z.number().int(),
    withinCity: z.boolean(),
    lines: z.array(SuggestedLineSchema).meta({ description: '先调入后调出，各按金额从大到小；合计为 0' }),
    moves: z.array(z.object({ fromCode: z.string(), toCode: z.string(), amount: z.number().int() })).meta({ description: '逐笔：由哪里调往哪里' }),
  })
  .meta({ id: 'ReallocationSuggestion' });
export type Suggestion = z.infer<typeof SuggestionSchema>;

const text = (name: string, max: number) =>
  z.string({ error: `请填写${name}` }).trim().min(1, `请填写${name}`).max(max, `${name}不超过 ${max} 个字`);

export const NewRoundSchema = z.strictObject({
  date: z
    .string({ error: '请填写调剂日期，如 2020-07-28' })
    .refine(isCalendarDate, '调剂日期应为真实的日期 YYYY-MM-DD，如 2020-07-28')
    .meta({ description: '调剂日期：自该日所在月份起计入预算', example: '2020-07-28' }),
  documentNumber: text('文号', 50).meta({ example: '湘人社函〔2020〕88号' }),
  note: text('备注', 500).optional(),
  lines: z
    .array(
      z.strictObject({
        regionCode: RegionCodeSchema,
        amount: z
          .number({ error: '调剂金额应为整数（元）' })
          .int('调剂金额应为整数（元）')
          .refine((n) => n !== 0, '调剂金额不能为 0')
          .refine((n) => Math.abs(n) <= MAX_LINE_AMOUNT, '调剂金额每行不超过 1 亿元')
          .meta({ description: '元；正数由省级资金池调入，负数调回省级资金池' }),
      }),
      { error: '请填写调剂明细' },
    )
    .min(1, '至少一行调剂明细')
    .max(200, '调剂明细最多 200 行'),
});
export type NewRound = z.input<typeof NewRoundSchema>;

export const RevokeRoundSchema = z.strictObject({ reason: text('撤销原因', 200) });

export const RoundParamSchema = z.object({
  round: pathNumber('round', '轮次应为正整数'),
});

export const RoundLineSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  amount: yuan('该地区本轮净调入，负数为调出'),
});

export const ReallocationRoundSchema = z
  .object({
    round: z.number().int(),
    date: z.string().meta({ description: 'YYYY-MM-DD' }),
    documentNumber: z.string(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable().meta({ description: '登记人（显示名）；演示数据为 null' }),
    recordedAt: z.string(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
    revokeReason: z.string().nullable(),
    received: yuan('调入合计'),
    given: yuan('调出合计（正数）'),
    net: yuan('净额 = 调入 − 调出：省级资金池拨出的数'),
    regions: z.number().int().meta({ description: '涉及地区数' }),
    cities: z.number().int().meta({ description: '涉及市州数（县市区计入所属市州）' }),
    counties: z.number().int(),
    lines: z.array(RoundLineSchema),
  })
  .meta({ id: 'ReallocationRound' });
export type ReallocationRound = z.infer<typeof ReallocationRoundSchema>;

export const RevokedRoundSchema = ReallocationRoundSchema.extend({
  warnings: z
    .array(z.string())
    .meta({ description: '撤销后某月结余低于零的地区（本轮调入的资金已审核使用），每个地区一句；撤销照常生效，空数组为无' }),
}).meta({ id: 'RevokedReallocationRound' });
export type RevokedRound = z.infer<typeof RevokedRoundSchema>;

export const RoundListSchema = z.object({ rounds: z.array(ReallocationRoundSchema).meta({ description: '新的在前' }) }).meta({ id: 'ReallocationRounds' });
export type RoundList = z.infer<typeof RoundListSchema>;
