import { ACTION_STATE_LABELS, ACTION_STATE_LABELS_FOR_REGION, OVERDUE_LABEL, type Action, type ActionSide } from '@dispatch/core';

/** 待答复 / 待审核 (已答复 to the region) / 已退回 / 已办结, and 逾期 when past due and not closed. */
export function ActionStateTag({ action, side }: { action: Pick<Action, 'state' | 'overdue'>; side: ActionSide }) {
  const labels = side === 'region' ? ACTION_STATE_LABELS_FOR_REGION : ACTION_STATE_LABELS;
  return (
    <>
      <span className={`tag action-state state-${action.state}`}>{labels[action.state]}</span>
      {action.overdue && <span className="tag tag-overdue">{OVERDUE_LABEL}</span>}
    </>
  );
}
