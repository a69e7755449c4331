import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: '健康检查',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
      description: '服务正常',
    },
  },
});

export const healthRoutes = createRouter().openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
