import { formatBeijingDateTime, formatMonthLabel, type Freshness } from '@dispatch/core';
import { useState } from 'react';
import { useAccess } from '../../auth/signed-in.ts';
import { usePeriodCloseMutation } from '../../hooks/use-period-close-mutation.ts';

/**
 * The month picker's month: 已关账 (by whom, when) or 未关账. The posts that publish bulletins close it when the
 * bulletin is due (later imports for it are refused); only an administrator reopens it (core's permissions). Both after a confirmation.
 */
export function MonthClose({ freshness }: { freshness: Freshness }) {
  const access = useAccess();
  const [asking, setAsking] = useState<'close' | 'reopen' | null>(null);
  const step = usePeriodCloseMutation();
  const month = formatMonthLabel(freshness.period);
  const allowed = access.can(freshness.closed ? 'reopen:period' : 'publish:bulletin');
  const question = freshness.closed
    ? `重新开账后，${month}的数据可以再次导入；此操作记入审计日志。确定重新开账？`
    : `关账后，${month}的数据不再接受导入（管理员可重新开账）。确定关账？`;
  return (
    <div className="month-close">
      <p role="status">
        <b>{month}</b>{' '}
        {freshness.closed ? (
          <span className="tag tag-closed">已关账</span>
        ) : (
          <span className="tag tag-open">未关账</span>
        )}
        {freshness.closed && (
          <span className="muted"> {freshness.closedBy ?? ''}{freshness.closedAt ? ` 于 ${formatBeijingDateTime(freshness.closedAt)}` : ''}关账；该月数据的导入将被拒绝。</span>
        )}
        {allowed && !asking && (
          <button type="button" className="link-button" onClick={() => { step.reset(); setAsking(freshness.closed ? 'reopen' : 'close'); }}>
            {freshness.closed ? '重新开账…' : '关账…'}
          </button>
        )}
      </p>
      {asking && (
        <div className="confirm" onKeyDown={(e) => { if (e.key === 'Escape') setAsking(null); }}>
          <p>{question}</p>
          <div className="form-buttons">
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={step.isPending}
              onClick={() => step.mutate({ period: freshness.period, step: asking }, { onSuccess: () => setAsking(null) })}
            >
              {asking === 'close' ? '确认关账' : '确认重新开账'}
            </button>
            <button type="button" className="link-button" onClick={() => setAsking(null)}>取消</button>
          </div>
          {step.isError && <p className="error" role="alert">{step.error.message}</p>}
        </div>
      )}
    </div>
  );
}
