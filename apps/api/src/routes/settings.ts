import { AlertSettingsSchema } from '@dispatch/core';
import { getAlertSettings, setAlertSettings } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';

const readRoute = jsonRoute('get', '/alerts', '预警规则的阈值', { tag: 'settings', answer: AlertSettingsSchema, description: '当前阈值（未设置时为缺省值）', errors: [401] });

const writeRoute = jsonRoute('put', '/alerts', '修改预警规则的阈值（省级管理员；需请求头 X-CSRF-Token）：立即用于所有回答，并记入审计日志', {
  tag: 'settings', request: { body: jsonBody(AlertSettingsSchema) }, answer: AlertSettingsSchema, description: '修改后的阈值', errors: [400, 401, 403],
});

export const settingsRoutes = createRouter()
  .openapi(readRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json(await getAlertSettings(c.get('db')), 200);
  })
  .openapi(writeRoute, async (c) => {
    await authorize(c, 'manage:settings');
    const db = c.get('db');
    const after = c.req.valid('json');
    const { user, address } = c.get('signedIn');
    await setAlertSettings(db, after, { actorId: user.id, actorLogin: user.login, address });
    return c.json(after, 200);
  });
