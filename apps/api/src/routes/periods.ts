import { PeriodListSchema } from '@dispatch/core';
import { getPeriods, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const route = jsonRoute('get', '/', '有数据的月份', { tag: 'metrics', answer: PeriodListSchema, description: '月份列表', errors: [401] });

export const periodRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:headline');
  const db = c.get('db');
  const [list, demo] = await Promise.all([getPeriods(db), isDemoData(db)]);
  return c.json({ ...list, demo }, 200);
});
