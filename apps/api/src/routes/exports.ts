import { createRoute, z } from '@hono/zod-openapi';
import {
  alertsOfMonth, AlertsQuerySchema, alertsTitle, defaultSortOrder, DEMO_MARKER, filterAlerts, moverLevels, rankHistory, rankingFileName, rankingNote,
  rankingTitle, RankingExportQuerySchema, sortMetricRows, summarizeAlerts, summonsCriteria, formatPeriod,
} from '@dispatch/core';
import { getMetricRows, getRegions, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { alertContexts } from '../alert-contexts.ts';
import { FILE_TYPES, fileAnswer } from '../file-answer.ts';
import { renderAlertsXlsx } from '../renderers/alerts-xlsx.ts';
import { renderRankingXlsx } from '../renderers/ranking-xlsx.ts';
import { createRouter } from '../router.ts';
import { errorResponses } from '../schemas.ts';
import { checkAlertParent, checkParent, resolvePeriod } from './params.ts';

/** A GET answering an .xlsx file, for a query schema. */
function xlsxRoute<P extends string, Q extends z.ZodObject>(path: P, summary: string, query: Q) {
  const file = { content: { [FILE_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } }, description: '.xlsx 文件' };
  return createRoute({ method: 'get', path, tags: ['exports'], summary, request: { query }, responses: { 200: file, ...errorResponses } });
}

const route = xlsxRoute('/rankings.xlsx', '导出排名表（Excel）：与页面相同的列、筛选与排序', RankingExportQuerySchema);
const alertsRoute = xlsxRoute('/alerts.xlsx', '导出预警（Excel）：与预警页相同的筛选与内容——约谈名单（逐月名次）、预警、本月变化', AlertsQuerySchema);

export const exportRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent, sort, order } = c.req.valid('query');
  // The ranking tables, as the bulletin attaches them: headline rows. Exports of detail will ask for 'read:detail'.
  await authorize(c, 'read:headline');
  const parentRegion = await checkParent(db, level, parent);
  const period = await resolvePeriod(db, requested);
  const rows = sortMetricRows(await getMetricRows(db, { period, level, parentCode: parent }), sort, order ?? defaultSortOrder(sort));
  const scope = { level, parentName: parentRegion?.name };
  const demo = await isDemoData(db, period.year);
  const file = await renderRankingXlsx({
    level,
    title: `${rankingTitle(period, scope)}${demo ? DEMO_MARKER : ''}`,
    note: `${rankingNote(period, scope)}由技能提升行动月调度平台导出。`,
    rows,
  });
  return fileAnswer(c, file, 'xlsx', rankingFileName(period, scope));
}).openapi(alertsRoute, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent, rule, severity } = c.req.valid('query');
  await authorize(c, 'read:headline');
  const parentRegion = await checkAlertParent(db, level, parent);
  const period = await resolvePeriod(db, requested);
  const contexts = await alertContexts(c, period);
  // What the alerts page shows for the same address: the summary over its scope, the list with all its filters.
  const summary = summarizeAlerts(formatPeriod(period), contexts, { level, parent });
  const ranks = { city: rankHistory(contexts.city.months), county: rankHistory(contexts.county.months) };
  const names = new Map((await getRegions(db)).map((r) => [r.code, r.name]));
  const title = alertsTitle(period, { level, parentName: parentRegion?.name, rule, severity });
  const file = await renderAlertsXlsx({
    title: `${title}${(await isDemoData(db, period.year)) ? DEMO_MARKER : ''}`,
    note: '由技能提升行动月调度平台导出。',
    summonsCriteria: summonsCriteria(contexts.city.settings),
    summons: summary.summons.map((alert) => ({
      alert,
      ranks: ranks[alert.level as 'city' | 'county'].find((r) => r.code === alert.regionCode)?.ranks ?? [],
    })),
    alerts: filterAlerts(alertsOfMonth(contexts), { level, parent, rule, severity }),
    movers: summary.movers,
    moverLevels: moverLevels({ level }),
    months: Array.from({ length: period.month }, (_, i) => `${i + 1}月`),
    nameOf: (code) => (code ? (names.get(code) ?? code) : ''),
  });
  return fileAnswer(c, file, 'xlsx', `${title}.xlsx`);
});
