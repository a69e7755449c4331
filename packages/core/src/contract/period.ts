import { z } from 'zod';
import { isPeriod } from '../metrics/period.ts';

/** A year-to-date period as the API takes and answers it. */
export const PeriodSchema = z
  .string()
  .refine(isPeriod, '期间应为 YYYY-MM，月份 01–12，如 2020-05')
  .meta({ example: '2020-05', description: '年度累计至该月末（"2020-05" 即 1 月 1 日至 5 月 31 日）' });

export const PeriodListSchema = z
  .object({
    periods: z.array(z.string()).meta({ description: '有数据的月份，YYYY-MM，从早到晚' }),
    latest: z.string().nullable(),
    demo: z.boolean().meta({ description: '最新月份（latest）所在年度的数据是否为演示数据' }),
    demoYears: z.array(z.number().int()).meta({ description: '数据为演示数据的年度（其培训班全部来自演示数据）；某月是否演示数据看其年度是否在此列' }),
  })
  .meta({ id: 'Periods' });
export type PeriodList = z.infer<typeof PeriodListSchema>;
