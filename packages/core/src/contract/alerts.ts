import { z } from 'zod';
import { ALERT_RULES } from '../alerts/rule-labels.ts';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema, RegionLevelSchema } from './region.ts';

export const AlertRuleSchema = z.enum(ALERT_RULES, { error: `规则应为 ${ALERT_RULES.join('、')} 之一` });
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const SeveritySchema = z.enum(['red', 'yellow'], { error: '级别应为 red（红）或 yellow（黄）' });
export type Severity = z.infer<typeof SeveritySchema>;

/** Which region an alert or a move is about. */
const regionRef = { regionCode: z.string(), regionName: z.string(), level: RegionLevelSchema, parentCode: z.string().nullable() };

/** One alert: a region, a rule it meets in a month, how serious, a sentence an official can read out, the numbers. */
export const AlertSchema = z
  .object({
    ...regionRef,
    period: z.string(),
    rule: AlertRuleSchema,
    severity: SeveritySchema,
    message: z.string().meta({ description: '可直接宣读的中文句子，如「连续3个月排名全省后3位」' }),
    facts: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).meta({ description: '规则所用的数字' }),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof AlertSchema>;

/** A region that moved this month: places gained or lost, or came level with / fell behind the time line. */
export const MoverSchema = z
  .object({
    ...regionRef,
    rank: z.number().int(),
    rankChange: z.number().int(),
    lag: z.number().nullable(),
    message: z.string(),
  })
  .meta({ id: 'Mover' });
export type Mover = z.infer<typeof MoverSchema>;

/** Who moved in a month: up most, down most, newly behind the time line, newly caught up. */
export const MoversSchema = z.object({
  up: z.array(MoverSchema),
  down: z.array(MoverSchema),
  newlyBehind: z.array(MoverSchema),
  recovered: z.array(MoverSchema),
});
export type Movers = z.infer<typeof MoversSchema>;

const level = z.enum(['city', 'county'], { error: '级别应为 city 或 county' });

export const AlertsQuerySchema = z.object({
  period: PeriodSchema.optional().meta({ description: '缺省为最新月份' }),
  level: level.optional().meta({ description: '缺省为市州与县市区' }),
  parent: RegionCodeSchema.optional().meta({ description: '只看某市州的县市区' }),
  rule: AlertRuleSchema.optional(),
  severity: SeveritySchema.optional(),
});
export type AlertsQuery = z.input<typeof AlertsQuerySchema>;

/** The summary over the same scope as the alerts page: a level, a city, or the whole province. */
export const AlertSummaryQuerySchema = AlertsQuerySchema.pick({ period: true, level: true, parent: true });
export type AlertSummaryQuery = z.input<typeof AlertSummaryQuerySchema>;

export const AlertListSchema = z.object({ period: z.string(), alerts: z.array(AlertSchema) }).meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof AlertListSchema>;

const count = z.number().int();

/** The dispatch meeting's page in numbers: what the alerts say for a month, per level. */
export const AlertSummarySchema = z
  .object({
    period: z.string(),
    counts: z.array(z.object({ level, rule: AlertRuleSchema, red: count, yellow: count })).meta({ description: '每级、每条规则的红黄数量' }),
    summons: z.array(AlertSchema).meta({ description: '约谈名单：持续排名靠后的地区' }),
    movers: z.object({ city: MoversSchema, county: MoversSchema }),
  })
  .meta({ id: 'AlertSummary' });
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

/** A region's alerts month by month. */
export const RegionAlertsSchema = z
  .object({ regionCode: z.string(), year: z.number().int(), months: z.array(AlertListSchema) })
  .meta({ id: 'RegionAlerts' });
export type RegionAlerts = z.infer<typeof RegionAlertsSchema>;

/** Each region's rank month by month: the persistent bottom visible at a glance. */
export const RankHistorySchema = z
  .object({
    year: z.number().int(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    months: z.array(z.string()),
    regions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        ranks: z.array(z.number().int()),
        lags: z.array(z.number().nullable()),
      }),
    ),
  })
  .meta({ id: 'RankHistory' });
export type RankHistory = z.infer<typeof RankHistorySchema>;

export const RankHistoryQuerySchema = z.object({
  period: PeriodSchema.optional().meta({ description: '1 月至该月；缺省为最新月份' }),
  level: level.default('city'),
  parent: RegionCodeSchema.optional(),
});
