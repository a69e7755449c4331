import { AlertListSchema, alertsOfMonth, AlertsQuerySchema, AlertSummaryQuerySchema, AlertSummarySchema, filterAlerts, formatPeriod, summarizeAlerts } from '@dispatch/core';
import { alertContexts } from '../alert-contexts.ts';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { createRouter } from '../router.ts';
import { ERRORS, jsonRoute } from '../schemas.ts';
import { checkAlertParent, resolvePeriod } from './params.ts';

const listRoute = jsonRoute('get', '/', '预警：某月各市州、县市区触发的规则（红、黄），每条一句可宣读的话与所用数字', {
  tag: 'alerts', request: { query: AlertsQuerySchema }, answer: AlertListSchema, description: '先红后黄；同色先市州后县市区，再按规则与名次', errors: ERRORS,
});

const summaryRoute = jsonRoute('get', '/summary', '月度调度会摘要：各规则红黄数量、约谈名单、名次升降与新落后、已赶上', {
  tag: 'alerts', request: { query: AlertSummaryQuerySchema }, answer: AlertSummarySchema, description: '一个月的摘要；可限于一级或一个市州（名次仍为全省名次）', errors: ERRORS,
});

/** Alerts are derived from the rankings' rows, which every post may read: headline. */
export const alertRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const db = c.get('db');
    const { period: requested, level, parent, rule, severity } = c.req.valid('query');
    await authorize(c, 'read:headline');
    return cachedJson(c, `alerts|${requested ?? ''}|${level ?? ''}|${parent ?? ''}|${rule ?? ''}|${severity ?? ''}`, async () => {
      await checkAlertParent(db, level, parent);
      const period = await resolvePeriod(db, requested);
      const contexts = await alertContexts(c, period);
      return { period: formatPeriod(period), alerts: filterAlerts(alertsOfMonth(contexts), { level, parent, rule, severity }) };
    });
  })
  .openapi(summaryRoute, async (c) => {
    const db = c.get('db');
    const { period: requested, level, parent } = c.req.valid('query');
    await authorize(c, 'read:headline');
    return cachedJson(c, `alert-summary|${requested ?? ''}|${level ?? ''}|${parent ?? ''}`, async () => {
      await checkAlertParent(db, level, parent);
      const period = await resolvePeriod(db, requested);
      return summarizeAlerts(formatPeriod(period), await alertContexts(c, period), { level, parent });
    });
  });
