import { AuditPageSchema, AuditQuerySchema, beijingDayBounds } from '@dispatch/core';
import { listAudit } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const route = jsonRoute('get', '/', '审计日志（省级管理员）：谁、何时、从何处、做了什么、涉及哪个地区；新的在前', {
  tag: 'audit', request: { query: AuditQuerySchema }, answer: AuditPageSchema, description: '一页审计记录', errors: [400, 401, 403],
});

export const auditRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:audit');
  const { actor, action, region, from, to, page, pageSize } = c.req.valid('query');
  const result = await listAudit(c.get('db'), {
    actor: actor || undefined,
    action,
    regionCode: region,
    // Dates are days of the Beijing calendar; the log keeps UTC instants.
    from: from && beijingDayBounds(from).from,
    to: to && beijingDayBounds(to).to,
    page,
    pageSize,
  });
  return c.json({ ...result, page, pageSize }, 200);
});
