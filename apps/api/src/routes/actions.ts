import {
  ActionAcceptSchema, ActionAnswerSchema, ActionIdParamSchema, ActionListQuerySchema, ActionListSchema, ActionReturnSchema, ActionThreadSchema,
  actionSide, alertsOfMonth, beijingDate, detailScope, dueDateProblem, formatPeriodLabel, NewActionSchema, parsePeriod, rectifyByProblem, RULE_LABELS, stepAction,
  type ActionEvent, type ActionStepContent, type ActionThread, type Alert, type NewAction, type Region,
} from '@dispatch/core';
import { getAction, getPeriods, listActions, openAction, stepActionRow } from '@dispatch/db';
import type { Context } from 'hono';
import { alertContexts } from '../alert-contexts.ts';
import { authorize, regionMap } from '../access.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';
import { knownRegion, parameterError } from './params.ts';

const tag = 'actions';
const STEP_ERRORS = [400, 401, 403, 404, 409];
const params = { params: ActionIdParamSchema };

const openRoute = jsonRoute('post', '/', '开启督导事项：一对一指导或约谈（省级岗位；需请求头 X-CSRF-Token）', {
  tag, request: { body: jsonBody(NewActionSchema) }, answer: ActionThreadSchema, status: 201,
  description: '已开启；给出 alertRule 时，该地区该月的这条预警（句子与数字）冻结在事项里', errors: [400, 401, 403],
});
const listRoute = jsonRoute('get', '/', '督导事项列表：限于本人可查看的地区（省级全部；市州本市及所辖县市区；县市区本县）', {
  tag, request: { query: ActionListQuerySchema }, answer: ActionListSchema, description: '未办结的在前，按截止日期', errors: [400, 401, 403],
});
const threadRoute = jsonRoute('get', '/{id}', '一个督导事项：要求、冻结的预警、每一步（谁、何时、内容）', {
  tag, request: params, answer: ActionThreadSchema, description: '事项及其全部步骤', errors: [400, 401, 403, 404],
});
const answerRoute = jsonRoute('post', '/{id}/answer', '答复督导事项：情况说明与整改措施（被督导地区的市州用户；需请求头 X-CSRF-Token）', {
  tag, request: { ...params, body: jsonBody(ActionAnswerSchema) }, answer: ActionThreadSchema, description: '已答复，待省级审核', errors: STEP_ERRORS,
});
const acceptRoute = jsonRoute('post', '/{id}/accept', '审核通过，办结督导事项（省级岗位；需请求头 X-CSRF-Token）', {
  tag, request: { ...params, body: { ...jsonBody(ActionAcceptSchema), required: false } }, answer: ActionThreadSchema, description: '已办结', errors: STEP_ERRORS,
});
const returnRoute = jsonRoute('post', '/{id}/return', '退回督导事项的答复，须说明理由（省级岗位；需请求头 X-CSRF-Token）', {
  tag, request: { ...params, body: jsonBody(ActionReturnSchema) }, answer: ActionThreadSchema, description: '已退回，待地区重新答复', errors: STEP_ERRORS,
});

/** Today on the Beijing calendar: due dates and overdue are days there. */
const today = () => beijingDate(new Date());

const STALE = '该事项已被他人处理，请刷新后重试';

/** The action named in the path, or a 404. */
async function actionOf(c: Context<AppEnv>, id: number): Promise<ActionThread> {
  const action = await getAction(c.get('db'), id, today());
  if (!action) throw httpError(404, `没有编号为 ${id} 的督导事项`);
  return action;
}

function actorOf(c: Context<AppEnv>) {
  const { user, address } = c.get('signedIn');
  return { actorId: user.id, actorLogin: user.login, address };
}

/** Checks what a new action names, in the order a person would fix it: region, scope, period, due date, alert. */
async function checkNewAction(c: Context<AppEnv>, body: NewAction): Promise<Alert | null> {
  const db = c.get('db');
  const region: Region = await knownRegion(db, body.regionCode, 'regionCode');
  if (region.level === 'province') throw parameterError('regionCode', '督导事项针对市州或县市区，不能针对全省');
  await authorize(c, 'direct:supervision', region.code);
  const { periods, latest } = await getPeriods(db);
  if (!periods.includes(body.period)) {
    throw parameterError('period', latest ? `${body.period} 无数据；有数据的月份为 ${periods[0]} 至 ${latest}` : '暂无任何月份的数据');
  }
  const dueProblem = dueDateProblem(body.dueDate, today());
  if (dueProblem) throw parameterError('dueDate', dueProblem);
  if (!body.alertRule) return null;
  const alert = alertsOfMonth(await alertContexts(c, parsePeriod(body.period))).find((a) => a.regionCode === region.code && a.rule === body.alertRule);
  if (!alert) throw parameterError('alertRule', `${region.name}${formatPeriodLabel(body.period)}没有「${RULE_LABELS[body.alertRule]}」预警`);
  return alert;
}

/**
 * A step on an action: in scope (403), the right side (403) and the right state (409, with the reason), at the
 * version the client saw if it said one (409), and still at that version when written (409).
 */
async function takeStep(c: Context<AppEnv>, id: number, event: ActionEvent, content: ActionStepContent, version: number | undefined) {
  const action = await actionOf(c, id);
  await authorize(c, event === 'answer' ? 'write:supervision' : 'direct:supervision', action.regionCode, [STEP_VERBS[event], '督导事项']);
  const result = stepAction(action.state, event, actionSide(c.get('signedIn').user, action.regionCode, await regionMap(c)));
  if (!result.ok) throw httpError(result.reason === 'actor' ? 403 : 409, result.message);
  if (version !== undefined && version !== action.version) throw httpError(409, STALE, 'STALE');
  const written = await stepActionRow(
    c.get('db'),
    { id, regionCode: action.regionCode, fromVersion: action.version, step: event, to: result.state, content },
    actorOf(c),
  );
  if (written === 'stale') throw httpError(409, STALE, 'STALE');
  return c.json(await actionOf(c, id), 200);
}

/** What a refused step says it was refused: 「无权审核长沙市的督导事项」. */
const STEP_VERBS = { answer: '答复', accept: '审核', return: '审核' } as const;

/** 督导事项: opened by the province, answered by the region's side, accepted or returned by the province. */
export const actionRoutes = createRouter()
  .openapi(openRoute, async (c) => {
    const body = c.req.valid('json');
    const alert = await checkNewAction(c, body);
    const id = await openAction(c.get('db'), { ...body, alert }, actorOf(c));
    return c.json(await actionOf(c, id), 201);
  })
  .openapi(listRoute, async (c) => {
    const { state, kind, regionCode, city, overdue } = c.req.valid('query');
    const db = c.get('db');
    if (regionCode) await knownRegion(db, regionCode, 'regionCode');
    if (city && (await knownRegion(db, city, 'city')).level !== 'city') throw parameterError('city', `${city} 不是市州代码`);
    // A region asked for by name must be one the person may see; otherwise the list keeps to their scope.
    await authorize(c, 'read:detail', regionCode ?? c.get('signedIn').user.regionCode);
    const actions = await listActions(db, {
      scope: detailScope(c.get('signedIn').user), today: today(), state, kind, regionCode, city, overdue: overdue === undefined ? undefined : overdue === 'true',
    });
    return c.json({ total: actions.length, actions }, 200);
  })
  .openapi(threadRoute, async (c) => {
    const action = await actionOf(c, c.req.valid('param').id);
    await authorize(c, 'read:detail', action.regionCode);
    return c.json(action, 200);
  })
  .openapi(answerRoute, async (c) => {
    const { situation, plan, rectifyBy, version } = c.req.valid('json');
    const rectifyProblem = rectifyBy ? rectifyByProblem(rectifyBy, today()) : null;
    if (rectifyProblem) throw parameterError('rectifyBy', rectifyProblem);
    return takeStep(c, c.req.valid('param').id, 'answer', { situation, plan, ...(rectifyBy ? { rectifyBy } : {}) }, version);
  })
  .openapi(acceptRoute, async (c) => {
    const body = (c.req.valid('json') as { version?: number } | undefined) ?? {};
    return takeStep(c, c.req.valid('param').id, 'accept', {}, body.version);
  })
  .openapi(returnRoute, async (c) => {
    const { reason, version } = c.req.valid('json');
    return takeStep(c, c.req.valid('param').id, 'return', { reason }, version);
  });
