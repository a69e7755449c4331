import { createRoute, z } from '@hono/zod-openapi';
import {
  AlertsQuerySchema, alertsTitle, defaultSortOrder, DEMO_MARKER, evaluateAlerts, filterAlerts, rankingFileName, rankingNote, rankingTitle,
  RankingExportQuerySchema, sortMetricRows,
} from '@dispatch/core';
import { getMetricRows, getRegions, isDemoData } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { alertContexts } from '../alert-contexts.ts';
import { renderAlertsXlsx } from '../renderers/alerts-xlsx.ts';
import { renderRankingXlsx } from '../renderers/ranking-xlsx.ts';
import { createRouter } from '../router.ts';
import { errorResponses } from '../schemas.ts';
import { checkAlertParent, checkParent, resolvePeriod } from './params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A GET answering an .xlsx file, for a query schema. */
function xlsxRoute<P extends string, Q extends z.ZodObject>(path: P, summary: string, query: Q) {
  const file = { content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } }, description: '.xlsx 文件' };
  return createRoute({ method: 'get', path, tags: ['exports'], summary, request: { query }, responses: { 200: file, ...errorResponses } });
}

const route = xlsxRoute('/rankings.xlsx', '导出排名表（Excel）：与页面相同的列、筛选与排序', RankingExportQuerySchema);
const alertsRoute = xlsxRoute('/alerts.xlsx', '导出预警（Excel）：与预警页相同的筛选', AlertsQuerySchema);

/** An .xlsx answer with its Chinese file name. */
function xlsx(c: Context, file: Buffer, filename: string) {
  return c.body(new Uint8Array(file), 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}

export const exportRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent, sort, order } = c.req.valid('query');
  // The ranking tables, as the bulletin attaches them: headline rows. Exports of detail will ask for 'read:detail'.
  await authorize(c, 'read:headline');
  const parentRegion = await checkParent(db, level, parent);
  const period = await resolvePeriod(db, requested);
  const rows = sortMetricRows(await getMetricRows(db, { period, level, parentCode: parent }), sort, order ?? defaultSortOrder(sort));
  const scope = { level, parentName: parentRegion?.name };
  const demo = await isDemoData(db);
  const file = await renderRankingXlsx({
    level,
    title: `${rankingTitle(period, scope)}${demo ? DEMO_MARKER : ''}`,
    note: `${rankingNote(period, scope)}由技能提升行动月调度平台导出。`,
    rows,
  });
  return xlsx(c, file, rankingFileName(period, scope));
}).openapi(alertsRoute, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent, rule, severity } = c.req.valid('query');
  await authorize(c, 'read:headline');
  const parentRegion = await checkAlertParent(db, level, parent);
  const period = await resolvePeriod(db, requested);
  const contexts = await alertContexts(c, period);
  const alerts = filterAlerts([...evaluateAlerts(contexts.city), ...evaluateAlerts(contexts.county)], { level, parent, rule, severity });
  const names = new Map((await getRegions(db)).map((r) => [r.code, r.name]));
  const title = alertsTitle(period, { level, parentName: parentRegion?.name, rule, severity });
  const file = await renderAlertsXlsx({
    title: `${title}${(await isDemoData(db)) ? DEMO_MARKER : ''}`,
    note: `共 ${alerts.length} 条。由技能提升行动月调度平台导出。`,
    alerts,
    nameOf: (code) => (code ? (names.get(code) ?? code) : ''),
  });
  return xlsx(c, file, `${title}.xlsx`);
});
