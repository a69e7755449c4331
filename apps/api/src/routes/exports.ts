import { createRoute, z } from '@hono/zod-openapi';
import { RANKING_COLUMN_KEYS, defaultSortOrder, periodLabel, sortMetricRows } from '@dispatch/core';
import { getMetricRows, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { renderRankingXlsx } from '../renderers/ranking-xlsx.ts';
import { createRouter } from '../router.ts';
import { errorResponses, LevelSchema, PeriodSchema, RegionCodeSchema } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

const LEVEL_LABEL = { province: '全省', city: '市州', county: '县市区' } as const;

const route = createRoute({
  method: 'get',
  path: '/exports/rankings.xlsx',
  tags: ['exports'],
  summary: '导出排名表（Excel）：与页面相同的列、筛选与排序',
  request: {
    query: z.object({
      period: PeriodSchema.optional(),
      level: LevelSchema.default('city'),
      parent: RegionCodeSchema.optional(),
      sort: z.enum(RANKING_COLUMN_KEYS, { error: `排序列应为 ${RANKING_COLUMN_KEYS.join('、')} 之一` }).default('rank'),
      order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).optional(),
    }),
  },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } },
      description: '.xlsx 文件',
    },
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
  const scope = parentRegion ? `${parentRegion.name}${LEVEL_LABEL[level]}` : LEVEL_LABEL[level];
  const title = `${periodLabel(period)} ${scope}完成情况排名`;
  const demo = (await isDemoData(db)) ? '（演示数据，非真实统计）' : '';
  const file = await renderRankingXlsx({
    title: `${title}${demo}`,
    note: `按完成比例排名，完成比例相同按资金执行率；数据截至${periodLabel(period)}末。由技能提升行动月调度平台导出。`,
    rows,
  });
  const filename = `${title.replace(/\s+/g, '')}.xlsx`;
  return c.body(new Uint8Array(file), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="rankings.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
});
