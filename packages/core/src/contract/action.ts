import { z } from 'zod';
import { isCalendarDate } from '../display/time.ts';
import { ACTION_EVENTS, ACTION_KINDS, ACTION_STATES } from '../workflows/supervision-action.ts';
import { AlertRuleSchema, AlertSchema } from './alerts.ts';
import { pathNumber } from './envelope.ts';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema, RegionLevelSchema } from './region.ts';

export const ActionKindSchema = z.enum(ACTION_KINDS, { error: '类型应为 guidance（一对一指导）或 summons（约谈）' });
export const ActionStateSchema = z.enum(ACTION_STATES, { error: '状态应为 open（待答复）、answered（待审核）、returned（已退回）或 closed（已办结）' });
export const ActionStepKindSchema = z.enum(['open', ...ACTION_EVENTS]);

/** A day of the calendar, 'YYYY-MM-DD' (Beijing). */
export const CalendarDateSchema = z
  .string({ error: '日期应为 YYYY-MM-DD' })
  .refine(isCalendarDate, '日期应为 YYYY-MM-DD 且为日历上的一天，如 2020-07-28')
  .meta({ example: '2020-07-28' });

const text = (what: string, max: number) =>
  z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`);

/** The action's version the client last saw: given and no longer current, the step is refused (409). */
const expectedVersion = z.number({ error: 'version 应为整数' }).int('version 应为整数').min(1, 'version 应为正整数').optional()
  .meta({ description: '客户端所见的版本；已被他人处理时返回 409' });

export const NewActionSchema = z
  .strictObject({
    regionCode: RegionCodeSchema,
    period: PeriodSchema,
    kind: ActionKindSchema,
    dueDate: CalendarDateSchema.meta({ description: '答复截止日期（北京时间），不早于今天，不晚于一年后' }),
    requirement: text('督导要求', 1000),
    alertRule: AlertRuleSchema.optional().meta({ description: '据以开启的预警规则；该地区该月须有此预警，其句子与数字随事项冻结' }),
  })
  .meta({ id: 'NewAction' });
export type NewAction = z.infer<typeof NewActionSchema>;

export const ActionAnswerSchema = z
  .strictObject({
    situation: text('情况说明', 2000),
    plan: text('整改措施', 2000),
    rectifyBy: CalendarDateSchema.optional().meta({ description: '整改完成时限（北京时间），不早于今天，不晚于两年后' }),
    version: expectedVersion,
  })
  .meta({ id: 'ActionAnswer' });
export type ActionAnswer = z.infer<typeof ActionAnswerSchema>;

export const ActionReturnSchema = z.strictObject({ reason: text('退回理由', 1000), version: expectedVersion }).meta({ id: 'ActionReturn' });
export type ActionReturn = z.infer<typeof ActionReturnSchema>;

export const ActionAcceptSchema = z.strictObject({ version: expectedVersion }).meta({ id: 'ActionAccept' });
export type ActionAccept = z.infer<typeof ActionAcceptSchema>;

/** What a step says: the requirement when opened, the answer, the reason for a return; nothing for an accept. */
export const ActionStepContentSchema = z.object({
  requirement: z.string().optional(),
  situation: z.string().optional(),
  plan: z.string().optional(),
  rectifyBy: z.string().optional(),
  reason: z.string().optional(),
});
export type ActionStepContent = z.infer<typeof ActionStepContentSchema>;

export const ActionStepSchema = z
  .object({
    step: ActionStepKindSchema,
    version: z.number().int().meta({ description: '该步之后事项的版本' }),
    actorName: z.string(),
    actorLogin: z.string(),
    at: z.string().meta({ description: 'UTC ISO 时间' }),
    content: ActionStepContentSchema,
  })
  .meta({ id: 'ActionStep' });
export type ActionStep = z.infer<typeof ActionStepSchema>;

/** 督导事项: one-to-one guidance or a summons on a region for a period, with the alert it cites frozen in it. */
export const ActionSchema = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    parentName: z.string().nullable(),
    period: z.string(),
    kind: ActionKindSchema,
    dueDate: z.string().meta({ description: 'YYYY-MM-DD，北京时间' }),
    requirement: z.string(),
    alertRule: AlertRuleSchema.nullable(),
    alert: AlertSchema.nullable().meta({ description: '开启时的预警（句子与数字），冻结不变' }),
    state: ActionStateSchema,
    overdue: z.boolean().meta({ description: '未办结且已过截止日期（北京时间）' }),
    version: z.number().int(),
    openedBy: z.string().meta({ description: '开启人的显示名' }),
    openedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof ActionSchema>;

export const ActionThreadSchema = ActionSchema.extend({ steps: z.array(ActionStepSchema) }).meta({ id: 'ActionThread' });
export type ActionThread = z.infer<typeof ActionThreadSchema>;

export const ActionListQuerySchema = z.object({
  state: ActionStateSchema.optional(),
  kind: ActionKindSchema.optional(),
  regionCode: RegionCodeSchema.optional().meta({ description: '只看这一地区' }),
  city: RegionCodeSchema.optional().meta({ description: '只看这一市州及其县市区（须为市州代码）' }),
  overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
});
export type ActionListQuery = z.input<typeof ActionListQuerySchema>;

export const ActionListSchema = z
  .object({ total: z.number().int(), actions: z.array(ActionSchema) })
  .meta({ id: 'ActionList', description: '逾期的在前，再按截止日期、编号' });
export type ActionList = z.infer<typeof ActionListSchema>;

/** 待办: what waits for the signed-in person, by due date. */
export const TaskListSchema = z
  .object({ count: z.number().int(), actions: z.array(ActionSchema) })
  .meta({ id: 'TaskList', description: '市州用户：待答复（含已退回）；省级岗位：待审核' });
export type TaskList = z.infer<typeof TaskListSchema>;

export const ActionIdParamSchema = z.object({
  id: pathNumber('id', '事项编号应为正整数'),
});
