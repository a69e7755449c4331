import { z } from 'zod';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema, RegionLevelSchema, RegionSchema } from './region.ts';

const count = (description: string) => z.number().int().meta({ description });

/** Additive figures for one region over a window; every one of them sums from counties to cities to province. */
export const TotalsSchema = z.object({
  classesOpened: count('开班数'),
  classesFinished: count('结课数'),
  trainees: count('培训人次：期间内结课的培训班的结业人数'),
  subsidised: count('补贴人数：其中由专账资金补贴的人数'),
  fundsAudited: count('资金审核数（元）'),
});
export type Totals = z.infer<typeof TotalsSchema>;

export const MonthValuesSchema = TotalsSchema.pick({ classesOpened: true, classesFinished: true, trainees: true, fundsAudited: true });
export type MonthValues = z.infer<typeof MonthValuesSchema>;

/**
 * One row of the metric contract shared by every screen, export, the bulletin and the API. Ratios are exact
 * (unrounded) decimals: every shown or exported number is rounded once, from them, by core's display model.
 */
export const MetricRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    parentName: z.string().nullable().meta({ description: '上级地区名称（县市区的所属市州）' }),
    target: count('目标任务（人次）'),
    fundsBudget: count('资金预算（元），含截至期末的调剂'),
    ...TotalsSchema.shape,
    avgSubsidy: z.number().nullable().meta({ description: '人均补贴（元）= 资金审核数 ÷ 补贴人数；无人补贴时为 null' }),
    completionRatio: z.number().nullable().meta({ description: '完成比例 = 培训人次 ÷ 目标任务，未舍入的小数；目标为 0 时为 null' }),
    fundsRatio: z.number().nullable().meta({ description: '资金执行率 = 资金审核数 ÷ 资金预算，未舍入的小数' }),
    timeProgress: z.number().meta({ description: '时序进度 = M/12，未舍入' }),
    lag: z.number().nullable().meta({ description: '完成比例 − 时序进度；小于 0 即落后于时序' }),
    rank: z.number().int().meta({ description: '在所列地区之间的名次，1 为最好' }),
    rankChange: z.number().int().nullable().meta({ description: '较上月名次变化，正数为上升；1 月为 null' }),
    completionChange: z.number().nullable().meta({ description: '完成比例较上月的变化（小数）；1 月为 null' }),
    monthCompletion: z.number().nullable().meta({ description: '当月完成比例 = 当月培训人次 ÷（目标任务 ÷ 12），未舍入' }),
    monthRank: z.number().int().meta({ description: '按当月完成比例在所列地区之间的名次' }),
    catchUpPerMonth: z
      .number()
      .int()
      .nullable()
      .meta({ description: '全年目标尚差人数 ÷ 剩余月数（向上取整）：此后每月需结业的人数；已完成为 0；无目标或 12 月仍未完成为 null' }),
    month: MonthValuesSchema.meta({ description: '当月值' }),
  })
  .meta({ id: 'MetricRow', description: '一个地区在一个期间（年度累计）的指标与名次' });
export type MetricRow = z.infer<typeof MetricRowSchema>;

export const MetricsSchema = z
  .object({
    period: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    rows: z.array(MetricRowSchema).meta({ description: '按名次排列；名次在所列地区之间比较' }),
  })
  .meta({ id: 'Metrics' });
export type Metrics = z.infer<typeof MetricsSchema>;

/** A region's metric row for one month of a series. */
export const SeriesPointSchema = MetricRowSchema.extend({ period: z.string() }).meta({ id: 'SeriesPoint' });
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const RegionSeriesSchema = z
  .object({
    region: RegionSchema,
    year: z.number().int(),
    points: z.array(SeriesPointSchema).meta({ description: '每月一行，年度累计；名次在同级地区之间' }),
  })
  .meta({ id: 'RegionSeries' });
export type RegionSeries = z.infer<typeof RegionSeriesSchema>;

export const MetricsQuerySchema = z.object({
  period: PeriodSchema.optional().meta({ description: '缺省为最新月份' }),
  level: RegionLevelSchema.default('city'),
  parent: RegionCodeSchema.optional().meta({ description: '上级地区代码：某市州的县市区，或省的市州', example: '430100' }),
});
export type MetricsQuery = z.input<typeof MetricsQuerySchema>;

export const SeriesQuerySchema = z.object({
  year: z.coerce
    .number({ error: '年份应为四位数字，如 2020' })
    .int('年份应为四位数字，如 2020')
    .min(1990, '年份应在 1990–2100 之间')
    .max(2100, '年份应在 1990–2100 之间')
    .optional()
    .meta({ description: '缺省为最新年份', example: 2020 }),
});
