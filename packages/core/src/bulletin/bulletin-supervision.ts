import type { Action } from '../contract/action.ts';
import type { BulletinTable } from '../contract/bulletin.ts';
import { formatCount } from '../display/numbers.ts';
import { formatChineseDate } from '../display/time.ts';
import { ACTION_KIND_LABELS, ACTION_STATE_LABELS, ACTION_STATES, OVERDUE_LABEL } from '../workflows/supervision-action.ts';

/** 「开展督导3项，其中约谈1项、一对一指导2项；已办结1项、待审核1项、待答复1项，逾期1项。」 */
export function actionsParagraph(actions: readonly Action[]): string {
  if (actions.length === 0) return '本月暂无督导事项。';
  const count = (n: number) => `${formatCount(n)}项`;
  const kinds = (['summons', 'guidance'] as const)
    .map((kind) => [ACTION_KIND_LABELS[kind], actions.filter((a) => a.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${count(n)}`);
  const states = [...ACTION_STATES].reverse()
    .map((state) => [ACTION_STATE_LABELS[state], actions.filter((a) => a.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${count(n)}`);
  const overdue = actions.filter((a) => a.overdue).length;
  return `针对本期数据，开展督导${count(actions.length)}，其中${kinds.join('、')}；${states.join('、')}${overdue ? `，${OVERDUE_LABEL}${count(overdue)}` : ''}。`;
}

/** The actions one line each: region, its city, kind, due date, state. */
export function actionsTable(title: string, actions: readonly Action[]): BulletinTable {
  const column = (key: string, label: string, width: number, align: 'left' | 'center' = 'center') => ({ key, label, width, align });
  return {
    title,
    columns: [column('region', '地区', 1.4, 'left'), column('parent', '所属市州', 1.2, 'left'), column('kind', '类型', 1.2), column('dueDate', '答复截止', 1.6), column('state', '状态', 1.2)],
    rows: actions.map((a) => ({
      cells: [
        a.regionName, a.level === 'county' ? (a.parentName ?? '') : '', ACTION_KIND_LABELS[a.kind], formatChineseDate(a.dueDate),
        `${ACTION_STATE_LABELS[a.state]}${a.overdue ? `（${OVERDUE_LABEL}）` : ''}`,
      ],
      ...(a.overdue ? { emphasis: true } : {}),
    })),
  };
}
