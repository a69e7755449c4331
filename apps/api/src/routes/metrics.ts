import {
  formatPeriod, MetricsQuerySchema, MetricsSchema, rankHistory, RankHistoryQuerySchema, RankHistorySchema, type Period, type RegionLevel,
} from '@dispatch/core';
import { getMetricRows, getYearMetricRows } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { ERRORS, jsonRoute } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

const route = jsonRoute('get', '/', '地区指标与排名（年度累计）', {
  tag: 'metrics', request: { query: MetricsQuerySchema }, answer: MetricsSchema, description: '每个地区一行', errors: ERRORS,
});

const ranksRoute = jsonRoute('get', '/ranks', '逐月名次：1 月至所选月份每个地区的名次与较时序进度（县市区可限某市州，名次在所列地区之间）', {
  tag: 'metrics', request: { query: RankHistoryQuerySchema }, answer: RankHistorySchema, description: '按最近一月名次排列', errors: ERRORS,
});

type RankingContext = Context<AppEnv, string, { out: { query: { period?: string; level: RegionLevel; parent?: string } } }>;

/**
 * A ranking's answer — the rows of every ranking, cities and counties, are public inside the system, as the
 * bulletin's tables are — cached per question, for the period asked (or the latest) and a parent that fits.
 */
async function rankingAnswer<T>(c: RankingContext, what: string, answer: (period: Period, level: RegionLevel, parent: string | undefined) => Promise<T>) {
  const db = c.get('db');
  const { period: requested, level, parent } = c.req.valid('query');
  await authorize(c, 'read:headline');
  return cachedJson(c, `${what}|${requested ?? ''}|${level}|${parent ?? ''}`, async () => {
    await checkParent(db, level, parent);
    return answer(await resolvePeriod(db, requested), level, parent);
  });
}

export const metricRoutes = createRouter()
  .openapi(route, (c) =>
    rankingAnswer(c, 'metrics', async (period, level, parent) => ({
      period: formatPeriod(period),
      level,
      parentCode: parent ?? null,
      rows: await getMetricRows(c.get('db'), { period, level, parentCode: parent }),
    })),
  )
  .openapi(ranksRoute, (c) =>
    rankingAnswer(c, 'ranks', async (period, level, parent) => {
      const months = await getYearMetricRows(c.get('db'), { year: period.year, lastMonth: period.month, level, parentCode: parent });
      return {
        year: period.year,
        level,
        parentCode: parent ?? null,
        months: months.map((_, i) => formatPeriod({ year: period.year, month: i + 1 })),
        regions: rankHistory(months),
      };
    }),
  );
