import { z } from '@hono/zod-openapi';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const route = jsonRoute('get', '/', '健康检查', { tag: 'system', answer: z.object({ status: z.literal('ok') }), description: '服务正常', errors: [] });

export const healthRoutes = createRouter().openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
