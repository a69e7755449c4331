import { createRoute, z } from '@hono/zod-openapi';
import { defaultSortOrder, DEMO_MARKER, rankingFileName, rankingNote, rankingTitle, RankingExportQuerySchema, sortMetricRows } from '@dispatch/core';
import { getMetricRows, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { renderRankingXlsx } from '../renderers/ranking-xlsx.ts';
import { createRouter } from '../router.ts';
import { errorResponses } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const route = createRoute({
  method: 'get',
  path: '/rankings.xlsx',
  tags: ['exports'],
  summary: '导出排名表（Excel）：与页面相同的列、筛选与排序',
  request: { query: RankingExportQuerySchema },
  responses: {
    200: { content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } }, description: '.xlsx 文件' },
    ...errorResponses,
  },
});

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
    title: `${rankingTitle(period, scope)}${demo ? DEMO_MARKER : ''}`,
    note: `${rankingNote(period, scope)}由技能提升行动月调度平台导出。`,
    rows,
  });
  return c.body(new Uint8Array(file), 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="rankings.xlsx"; filename*=UTF-8''${encodeURIComponent(rankingFileName(period, scope))}`,
  });
});
