import { ACTION_KIND_LABELS, ACTION_STATE_LABELS, formatPeriodLabel, OVERDUE_LABEL } from '@dispatch/core';
import { Fragment } from 'react';
import { Link } from 'wouter';
import { useUnfinishedActionsQuery } from '../hooks/use-unfinished-actions-query.ts';

/**
 * 「郴州市已有未办结的督导事项：第 2 号 约谈（待答复，2020年1—3月）」: what the region already has open, each a link,
 * before another is opened (which stays allowed). Nothing while loading, on failure, or when there is none.
 */
export function UnfinishedActions({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const unfinished = useUnfinishedActionsQuery(regionCode).data;
  if (!unfinished?.length) return null;
  return (
    <p className="notice unfinished-actions">
      {regionName}已有未办结的督导事项：
      {unfinished.map((action, i) => (
        <Fragment key={action.id}>
          {i > 0 && '；'}
          <Link href={`/supervision/${action.id}`}>第 {action.id} 号 {ACTION_KIND_LABELS[action.kind]}</Link>
          （{ACTION_STATE_LABELS[action.state]}{action.overdue ? `，${OVERDUE_LABEL}` : ''}，{formatPeriodLabel(action.period)}）
        </Fragment>
      ))}
    </p>
  );
}
