import { actionSide, awaitingStates, beijingDate, detailScope, TaskListSchema } from '@dispatch/core';
import { listActions } from '@dispatch/db';
import { authorize, regionMap } from '../access.ts';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const listRoute = jsonRoute('get', '/', '本人的待办：市州用户为待答复（含已退回）的督导事项，省级岗位为待审核的答复', {
  tag: 'actions', answer: TaskListSchema, description: '按截止日期，逾期的在前', errors: [401],
});

/**
 * What waits for the signed-in person: the states their side acts on, within what they may read. A post on
 * neither side of any action (county staff, viewers) has nothing to do.
 */
export const taskRoutes = createRouter().openapi(listRoute, async (c) => {
  await authorize(c, 'signed-in');
  const { user } = c.get('signedIn');
  // The side is the same for every action in one's scope: the province directs, a city leader answers.
  const side = actionSide(user, user.regionCode, await regionMap(c));
  const actions = await listActions(c.get('db'), { scope: detailScope(user), today: beijingDate(new Date()), states: awaitingStates(side) });
  return c.json({ count: actions.length, actions }, 200);
});
