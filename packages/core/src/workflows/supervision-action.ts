/**
 * 督导事项的流程: the province opens guidance (一对一指导) or a summons (约谈) on a region; the region's side answers
 * with a situation note and a rectification plan; the province accepts it (办结) or returns it for another answer.
 *
 *   open ──answer──► answered ──accept──► closed
 *                      ▲    └──return──► returned ──answer──┐
 *                      └─────────────────────────────────────┘
 */

export const ACTION_KINDS = ['guidance', 'summons'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATES = ['open', 'answered', 'returned', 'closed'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** The steps after opening; 'open' is the first step of every action and has no state before it. */
export const ACTION_EVENTS = ['answer', 'accept', 'return'] as const;
export type ActionEvent = (typeof ACTION_EVENTS)[number];
export type ActionStepKind = 'open' | ActionEvent;

/**
 * Who is acting on an action: the province (posts holding `direct:supervision`), the region's side (holding
 * `write:supervision` for the action's region without being a province post: the city leader of that city, for
 * the city and its counties), or neither.
 */
export type ActionSide = 'province' | 'region' | 'none';

export const ACTION_KIND_LABELS: Readonly<Record<ActionKind, string>> = { guidance: '一对一指导', summons: '约谈' };
export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  open: '待答复',
  answered: '待审核',
  returned: '已退回',
  closed: '已办结',
};
/** The state as the region's side reads it: an answer waiting for the province is 已答复 to them. */
export const ACTION_STATE_LABELS_FOR_REGION: Readonly<Record<ActionState, string>> = { ...ACTION_STATE_LABELS, answered: '已答复' };
export const ACTION_STEP_LABELS: Readonly<Record<ActionStepKind, string>> = { open: '开启', answer: '答复', accept: '审核通过，办结', return: '退回' };
export const OVERDUE_LABEL = '逾期';

/** The table of allowed steps: from which states, to which state, by which side. */
export const ACTION_STEPS: Readonly<Record<ActionEvent, { from: readonly ActionState[]; to: ActionState; by: Exclude<ActionSide, 'none'> }>> = {
  answer: { from: ['open', 'returned'], to: 'answered', by: 'region' },
  accept: { from: ['answered'], to: 'closed', by: 'province' },
  return: { from: ['answered'], to: 'returned', by: 'province' },
};

/** Why a step cannot be taken: 'actor' (the wrong side: 403) or 'state' (not now: 409), with the reason. */
export interface ActionStepRefusal {
  ok: false;
  reason: 'actor' | 'state';
  message: string;
}
export type ActionStepResult = { ok: true; state: ActionState } | ActionStepRefusal;

const VERB: Record<ActionEvent, string> = { answer: '答复', accept: '办结', return: '退回' };

const ACTOR_REFUSALS: Record<ActionEvent, string> = {
  answer: '无权答复：督导事项由被督导地区（市州用户）答复，省级岗位不代为答复',
  accept: '无权办结：督导事项由省级岗位审核办结',
  return: '无权退回：督导事项由省级岗位审核退回',
};

/** 「该事项已办结，不能再答复」: why `event` does not fit `state`. */
function stateRefusal(state: ActionState, event: ActionEvent): string {
  if (state === 'closed') return `该事项已办结，不能再${VERB[event]}`;
  if (state === 'answered') return '该事项已答复，正在等待省级审核，不能重复答复';
  if (state === 'returned') return `该事项已退回，正在等待地区重新答复，不能${VERB[event]}`;
  return `该事项尚未答复，不能${VERB[event]}`;
}

/** The next state of an action after a step, or why the step is refused (the side first, then the state). */
export function stepAction(state: ActionState, event: ActionEvent, side: ActionSide): ActionStepResult {
  const step = ACTION_STEPS[event];
  if (side !== step.by) return { ok: false, reason: 'actor', message: ACTOR_REFUSALS[event] };
  if (!step.from.includes(state)) return { ok: false, reason: 'state', message: stateRefusal(state, event) };
  return { ok: true, state: step.to };
}

/** Only the province opens an action. */
export function canOpenAction(side: ActionSide): boolean {
  return side === 'province';
}

/** What waits for this side: the region answers open and returned actions, the province reviews answered ones. */
export function awaitingStates(side: ActionSide): readonly ActionState[] {
  if (side === 'none') return [];
  return ACTION_STATES.filter((state) => Object.values(ACTION_STEPS).some((step) => step.by === side && step.from.includes(state)));
}
