import { ACTION_KIND_LABELS, formatChineseDate, formatPeriodLabel, OVERDUE_LABEL, type Action } from '@dispatch/core';
import { Link } from 'wouter';
import { useAccess } from '../auth/signed-in.ts';
import { ActionStateTag } from './ActionStateTag.tsx';
import { DataTable } from './DataTable.tsx';

/** Supervision actions, one a row: the region (and its city), kind, month, due date (逾期 marked), state. */
export function ActionTable({ actions, empty }: { actions: readonly Action[]; empty: string }) {
  const access = useAccess();
  if (actions.length === 0) return <p className="notice" role="status">{empty}</p>;
  return (
    <DataTable
      className="actions-table"
      head={
        <tr>
          <th scope="col" className="col-id">编号</th>
          <th scope="col">地区</th>
          <th scope="col">类型</th>
          <th scope="col" className="col-period">月份</th>
          <th scope="col">答复截止</th>
          <th scope="col">状态</th>
        </tr>
      }
    >
      {actions.map((action) => (
        <tr key={action.id} data-id={action.id} className={action.overdue ? 'overdue' : undefined}>
          <td className="col-id num">{action.id}</td>
          <th scope="row">
            <Link href={`/supervision/${action.id}`}>{action.regionName}</Link>
            {action.level === 'county' && action.parentName && <small className="muted"> {action.parentName}</small>}
          </th>
          <td>{ACTION_KIND_LABELS[action.kind]}</td>
          <td className="col-period">{formatPeriodLabel(action.period)}</td>
          <td className={action.overdue ? 'due overdue-date' : 'due'}>
            {formatChineseDate(action.dueDate)}
            {action.overdue && <span className="sr-only">（{OVERDUE_LABEL}）</span>}
          </td>
          <td><ActionStateTag action={action} side={access.side(action.regionCode)} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
