import {
  formatPeriod, FundsQuerySchema, FundsSchema, fundPosition, spendsSlowly, suggestReallocation, SuggestionRequestSchema, SuggestionSchema,
  type FundRow, type MetricRow,
} from '@dispatch/core';
import { getMetricRows } from '@dispatch/db';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { createRouter } from '../router.ts';
import { ERRORS, jsonBody, jsonRoute } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

const listRoute = jsonRoute('get', '/', '资金测算：各市州或县市区的预算、已审核、结余、完成剩余目标的预计需求与缺口', {
  tag: 'funds', request: { query: FundsQuerySchema }, answer: FundsSchema, description: '每个地区一行，按缺口从大到小', errors: ERRORS,
});

const suggestionRoute = jsonRoute('post', '/suggestion', '资金调剂建议（省级岗位；需请求头 X-CSRF-Token）：在县市区之间按缺口与结余逐行给出，优先市内调剂', {
  tag: 'funds', request: { body: jsonBody(SuggestionRequestSchema) }, answer: SuggestionSchema, description: '建议，不写入任何数据', errors: ERRORS,
});

/** A metric row's funds, as the /funds table shows them. */
export function fundRow(row: MetricRow, province: MetricRow | undefined): FundRow {
  const position = fundPosition(row, province);
  return {
    regionCode: row.code, regionName: row.name, level: row.level, parentCode: row.parentCode, parentName: row.parentName,
    target: row.target, trainees: row.trainees, ...position,
    completionRatio: row.completionRatio, fundsRatio: row.fundsRatio, timeProgress: row.timeProgress,
    donor: position.surplus > 0 && spendsSlowly(row),
  };
}

export const fundRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const db = c.get('db');
    const { period: requested, level, parent } = c.req.valid('query');
    await authorize(c, 'read:headline');
    return cachedJson(c, `funds|${requested ?? ''}|${level}|${parent ?? ''}`, async () => {
      await checkParent(db, level, parent);
      const period = await resolvePeriod(db, requested);
      const [rows, [province]] = await Promise.all([
        getMetricRows(db, { period, level, parentCode: parent }),
        getMetricRows(db, { period, level: 'province' }),
      ]);
      const funds = rows.map((row) => fundRow(row, province)).sort((a, b) => b.gap - a.gap || a.regionCode.localeCompare(b.regionCode));
      return { period: formatPeriod(period), level, parentCode: parent ?? null, rows: funds };
    });
  })
  .openapi(suggestionRoute, async (c) => {
    const db = c.get('db');
    const { period: requested, total, withinCity } = c.req.valid('json');
    await authorize(c, 'manage:funds');
    const period = await resolvePeriod(db, requested);
    // Between counties: the demo's rounds and the province's practice move money to counties, where it is spent.
    const [rows, [province]] = await Promise.all([getMetricRows(db, { period, level: 'county' }), getMetricRows(db, { period, level: 'province' })]);
    const { lines, moves } = suggestReallocation({ rows, province, total, withinCity });
    return c.json({ period: formatPeriod(period), total, withinCity, lines, moves }, 200);
  });
