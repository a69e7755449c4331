import { formatPeriod, MetricsQuerySchema, MetricsSchema } from '@dispatch/core';
import { getMetricRows } from '@dispatch/db';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { createRouter } from '../router.ts';
import { ERRORS, jsonRoute } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

const route = jsonRoute('get', '/', '地区指标与排名（年度累计）', {
  tag: 'metrics', request: { query: MetricsQuerySchema }, answer: MetricsSchema, description: '每个地区一行', errors: ERRORS,
});

export const metricRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent } = c.req.valid('query');
  // The rows of every ranking — cities and counties — are public inside the system, as the bulletin's tables are.
  await authorize(c, 'read:headline');
  return cachedJson(c, `metrics|${requested ?? ''}|${level}|${parent ?? ''}`, async () => {
    await checkParent(db, level, parent);
    const period = await resolvePeriod(db, requested);
    const rows = await getMetricRows(db, { period, level, parentCode: parent });
    return { period: formatPeriod(period), level, parentCode: parent ?? null, rows };
  });
});
