import { z } from 'zod';
import { pageOf, pageQuery } from './envelope.ts';
import { CLASS_BASES, CLASS_PAGE_SIZE } from '../metrics/class-list-options.ts';
import { PeriodSchema } from './period.ts';

export const ClassBasisSchema = z.enum(CLASS_BASES, { error: '口径应为 finished（结课）、opened（开班）或 audited（资金审核）' });
export type ClassBasis = z.infer<typeof ClassBasisSchema>;

export const ClassScopeSchema = z.enum(['ytd', 'month'], { error: '范围应为 ytd（年度累计）或 month（当月）' });
export type ClassScope = z.infer<typeof ClassScopeSchema>;

export const ClassListQuerySchema = z
  .object({
    period: PeriodSchema.optional(),
    basis: ClassBasisSchema.default('finished'),
    scope: ClassScopeSchema.default('ytd'),
    q: z.string().trim().max(50, '搜索词不超过 50 个字').optional().meta({ description: '机构、工种名称或班级编号的一部分' }),
  })
  .extend(pageQuery(100, CLASS_PAGE_SIZE).shape);

/** One class in a region's class list (培训班明细). */
export const ClassListRowSchema = z.object({
  classNo: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  institution: z.string(),
  occupation: z.string(),
  trainingType: z.string(),
  openedOn: z.string(),
  finishedOn: z.string().nullable(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  subsidised: z.number().int(),
  subsidyStandard: z.number().int(),
  /** approved audits of this class dated inside the window, yuan */
  fundsAudited: z.number().int(),
});
export type ClassListRow = z.infer<typeof ClassListRowSchema>;

export const ClassTotalsSchema = z
  .object({ completed: z.number().int(), subsidised: z.number().int(), fundsAudited: z.number().int() })
  .meta({ description: '全部相符培训班（不只本页）的合计，等于仪表盘上的数字' });

export const ClassListSchema = pageOf(ClassListRowSchema, { period: z.string(), totals: ClassTotalsSchema }).meta({ id: 'ClassList' });
export type ClassList = z.infer<typeof ClassListSchema>;
