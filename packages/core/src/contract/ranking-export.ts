import { z } from 'zod';
import { RANKING_COLUMN_KEYS } from '../metrics/ranking-columns.ts';
import { MetricsQuerySchema } from './metric-row.ts';

export const SortOrderSchema = z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' });

/** The ranking as shown: the same rows, filter and sort as the screen. */
export const RankingExportQuerySchema = MetricsQuerySchema.extend({
  sort: z.enum(RANKING_COLUMN_KEYS, { error: `排序列应为 ${RANKING_COLUMN_KEYS.join('、')} 之一` }).default('rank'),
  order: SortOrderSchema.optional(),
});
