import { RULE_LABELS, type Alert } from '@dispatch/core';
import { useCallback, useId, useState } from 'react';
import { AlertPopover } from './AlertPopover.tsx';

/** What a badge says for a region's worst alert (alerts come red first, by rule). */
const BADGE: Record<Alert['rule'], { red: string; yellow: string }> = {
  'persistent-bottom': { red: '约谈', yellow: '约谈' },
  'behind-time': { red: '严重落后', yellow: '落后' },
  stalled: { red: '未开班', yellow: '未开班' },
  'falling-back': { red: '退步', yellow: '退步' },
  'funds-lagging': { red: '资金滞后', yellow: '资金滞后' },
  'fund-gap': { red: '资金缺口', yellow: '资金缺口' },
  'no-data': { red: '未报送', yellow: '未报送' },
};

/**
 * A region's alerts as one badge — the worst one named, how many more — that opens (a tap on a phone, a click,
 * Enter or Space) to every rule's sentence; hovering it shows them as its title.
 */
export function AlertBadge({ alerts }: { alerts: readonly Alert[] | undefined }) {
  /** the badge, while its alerts are open */
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = useId();
  const close = useCallback(() => setAnchor(null), []);
  const [worst] = alerts ?? [];
  if (!worst) return null;
  const more = alerts!.length - 1;
  return (
    <>
      <button
        type="button"
        className={`alert-badge alert-${worst.severity}`}
        aria-expanded={anchor !== null}
        aria-controls={anchor ? id : undefined}
        aria-haspopup="dialog"
        title={alerts!.map((a) => `${RULE_LABELS[a.rule]}：${a.message}`).join('\n')}
        onClick={(event) => setAnchor(anchor ? null : event.currentTarget)}
      >
        {BADGE[worst.rule][worst.severity]}
        {more > 0 && <small>+{more}</small>}
      </button>
      {anchor && <AlertPopover id={id} anchor={anchor} alerts={alerts!} onClose={close} />}
    </>
  );
}
