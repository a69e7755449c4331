import { beijingDate, formatMonthLabel, FreshnessSchema, parsePeriod, PeriodListSchema, PeriodSchema } from '@dispatch/core';
import { closePeriod, getPeriods, listDemoYears, reopenPeriod, type Db } from '@dispatch/db';
import { z } from '@hono/zod-openapi';
import { authorize } from '../access.ts';
import { httpError } from '../errors.ts';
import { monthFreshness } from '../freshness.ts';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const route = jsonRoute('get', '/', '有数据的月份', { tag: 'metrics', answer: PeriodListSchema, description: '月份列表', errors: [401] });

const PeriodParamSchema = z.object({ period: PeriodSchema.meta({ param: { name: 'period', in: 'path' }, example: '2020-05' }) });

const closeRoute = jsonRoute('post', '/{period}/close', '关账：此后涉及该月数据的导入与撤销都被拒绝，直到管理员重新开账（省级用户、省级管理员；记入审计日志）', {
  tag: 'imports', request: { params: PeriodParamSchema }, answer: FreshnessSchema, description: '关账后该月的数据到达情况；已关账时回答 409', errors: [400, 401, 403, 409],
});

const reopenRoute = jsonRoute('post', '/{period}/reopen', '重新开账：允许再导入该月的数据（仅省级管理员；记入审计日志）', {
  tag: 'imports', request: { params: PeriodParamSchema }, answer: FreshnessSchema, description: '重新开账后该月的数据到达情况；未关账时回答 409', errors: [400, 401, 403, 409],
});

/** A month can be closed from the first year with data to next year: 1999-01 or 2099-12 is a typing slip. */
async function refuseFarPeriod(db: Db, year: number, thisYear: number): Promise<void> {
  const { periods } = await getPeriods(db);
  const first = Math.min(periods[0] ? Number(periods[0].slice(0, 4)) : thisYear, thisYear);
  if (year < first || year > thisYear + 1) throw httpError(400, `只能关账${first}年至${thisYear + 1}年的月份（有数据的第一年至明年）`);
}

export const periodRoutes = createRouter()
  .openapi(route, async (c) => {
    await authorize(c, 'read:headline');
    const db = c.get('db');
    const [list, demoYears] = await Promise.all([getPeriods(db), listDemoYears(db)]);
    // Demo is per year: imported 2021 rows are real data beside the demo's 2020.
    const demo = list.latest !== null && demoYears.includes(Number(list.latest.slice(0, 4)));
    return c.json({ ...list, demo, demoYears }, 200);
  })
  .openapi(closeRoute, async (c) => {
    // The province closes a month when its bulletin is due: the posts that publish bulletins.
    await authorize(c, 'publish:bulletin', null, ['关账', '']);
    const { period } = c.req.valid('param');
    const { user, address } = c.get('signedIn');
    await refuseFarPeriod(c.get('db'), Number(period.slice(0, 4)), Number(beijingDate(c.get('now')()).slice(0, 4)));
    if (!(await closePeriod(c.get('db'), parsePeriod(period), { actorId: user.id, actorLogin: user.login, address }))) {
      throw httpError(409, `${formatMonthLabel(period)}已关账`);
    }
    return c.json(await monthFreshness(c, parsePeriod(period)), 200);
  })
  .openapi(reopenRoute, async (c) => {
    await authorize(c, 'reopen:period');
    const { period } = c.req.valid('param');
    const { user, address } = c.get('signedIn');
    if (!(await reopenPeriod(c.get('db'), parsePeriod(period), { actorId: user.id, actorLogin: user.login, address }))) {
      throw httpError(409, `${formatMonthLabel(period)}未关账，无需重新开账`);
    }
    return c.json(await monthFreshness(c, parsePeriod(period)), 200);
  });
