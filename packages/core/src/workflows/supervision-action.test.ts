import { describe, expect, test } from 'vitest';
import { ACTION_EVENTS, ACTION_STATES, awaitingStates, canOpenAction, stepAction, type ActionEvent, type ActionSide, type ActionState } from './supervision-action.ts';
import { isOverdue } from './overdue.ts';

/**
 * Every state × step × side, written out by hand: 'ok:<next>', 'actor' (403) or the state's reason (409).
 */
const P = 'province';
const R = 'region';
const N = 'none';
type Row = [ActionState, ActionEvent, ActionSide, string];
const TABLE: Row[] = [
  ['open', 'answer', R, 'ok:answered'],
  ['open', 'answer', P, 'actor'],
  ['open', 'answer', N, 'actor'],
  ['open', 'accept', P, '该事项尚未答复，不能办结'],
  ['open', 'accept', R, 'actor'],
  ['open', 'accept', N, 'actor'],
  ['open', 'return', P, '该事项尚未答复，不能退回'],
  ['open', 'return', R, 'actor'],
  ['open', 'return', N, 'actor'],
  ['answered', 'answer', R, '该事项已答复，正在等待省级审核，不能重复答复'],
  ['answered', 'answer', P, 'actor'],
  ['answered', 'answer', N, 'actor'],
  ['answered', 'accept', P, 'ok:closed'],
  ['answered', 'accept', R, 'actor'],
  ['answered', 'accept', N, 'actor'],
  ['answered', 'return', P, 'ok:returned'],
  ['answered', 'return', R, 'actor'],
  ['answered', 'return', N, 'actor'],
  ['returned', 'answer', R, 'ok:answered'],
  ['returned', 'answer', P, 'actor'],
  ['returned', 'answer', N, 'actor'],
  ['returned', 'accept', P, '该事项已退回，正在等待地区重新答复，不能办结'],
  ['returned', 'accept', R, 'actor'],
  ['returned', 'accept', N, 'actor'],
  ['returned', 'return', P, '该事项已退回，正在等待地区重新答复，不能退回'],
  ['returned', 'return', R, 'actor'],
  ['returned', 'return', N, 'actor'],
  ['closed', 'answer', R, '该事项已办结，不能再答复'],
  ['closed', 'answer', P, 'actor'],
  ['closed', 'answer', N, 'actor'],
  ['closed', 'accept', P, '该事项已办结，不能再办结'],
  ['closed', 'accept', R, 'actor'],
  ['closed', 'accept', N, 'actor'],
  ['closed', 'return', P, '该事项已办结，不能再退回'],
  ['closed', 'return', R, 'actor'],
  ['closed', 'return', N, 'actor'],
];

describe('stepAction', () => {
  test('the table covers every state, step and side once', () => {
    const keys = new Set(TABLE.map(([s, e, a]) => `${s}|${e}|${a}`));
    expect(keys.size).toBe(ACTION_STATES.length * ACTION_EVENTS.length * 3);
  });

  test.each(TABLE)('%s + %s by %s → %s', (state, event, side, expected) => {
    const result = stepAction(state, event, side);
    if (expected.startsWith('ok:')) expect(result).toEqual({ ok: true, state: expected.slice(3) });
    else if (expected === 'actor') {
      expect(result).toMatchObject({ ok: false, reason: 'actor' });
      expect(!result.ok && result.message).toMatch(/^无权/);
    } else expect(result).toEqual({ ok: false, reason: 'state', message: expected });
  });

  test('only the province opens an action', () => {
    expect([P, R, N].map((side) => canOpenAction(side as ActionSide))).toEqual([true, false, false]);
  });

  test('the region waits on open and returned actions, the province on answered ones, anyone else on nothing', () => {
    expect(awaitingStates(R)).toEqual(['open', 'returned']);
    expect(awaitingStates(P)).toEqual(['answered']);
    expect(awaitingStates(N)).toEqual([]);
  });
});

describe('isOverdue, in Beijing time', () => {
  test.each([
    // due 2020-07-28: the last Beijing minute of the 28th is 2020-07-28T15:59Z; the 29th starts at 16:00Z
    ['open', '2020-07-28T15:59:59.999Z', false],
    ['open', '2020-07-28T16:00:00.000Z', true],
    ['returned', '2020-07-28T16:00:00.000Z', true],
    // answered: waiting for the province's review, not for the region
    ['answered', '2020-07-30T03:00:00.000Z', false],
    ['closed', '2020-08-30T03:00:00.000Z', false],
    // late on the 27th in UTC is already the 28th in Beijing: still due today, not overdue
    ['open', '2020-07-27T20:00:00.000Z', false],
    ['open', '2020-07-01T00:00:00.000Z', false],
    // year's end: 2020-12-31 due, 2020-12-31T16:00Z is 2021-01-01 in Beijing
    ['open', '2020-12-31T16:00:00.000Z', true, '2020-12-31'],
    ['open', '2020-12-31T15:59:59.000Z', false, '2020-12-31'],
  ] as [ActionState, string, boolean, string?][])('%s at %s: overdue %s', (state, now, overdue, dueDate = '2020-07-28') => {
    expect(isOverdue({ state, dueDate }, new Date(now))).toBe(overdue);
  });
});
