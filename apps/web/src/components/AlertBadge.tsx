import { RULE_LABELS, type Alert } from '@dispatch/core';

/** What a badge says for a region's worst alert (alerts come red first, by rule). */
const BADGE: Record<Alert['rule'], { red: string; yellow: string }> = {
  'persistent-bottom': { red: '约谈', yellow: '约谈' },
  'behind-time': { red: '严重落后', yellow: '落后' },
  stalled: { red: '未开班', yellow: '未开班' },
  'falling-back': { red: '退步', yellow: '退步' },
  'funds-lagging': { red: '资金滞后', yellow: '资金滞后' },
  'fund-gap': { red: '资金缺口', yellow: '资金缺口' },
};

/**
 * A region's alerts as one badge — the worst one named, how many more — that opens (a tap on a phone, a click or
 * Enter elsewhere) to every rule's sentence.
 */
export function AlertBadge({ alerts }: { alerts: readonly Alert[] | undefined }) {
  const [worst] = alerts ?? [];
  if (!worst) return null;
  const more = alerts!.length - 1;
  return (
    <details className={`alert-badge alert-${worst.severity}`}>
      <summary title={alerts!.map((a) => `${RULE_LABELS[a.rule]}：${a.message}`).join('\n')}>
        {BADGE[worst.rule][worst.severity]}
        {more > 0 && <small>+{more}</small>}
      </summary>
      <ul>
        {alerts!.map((a) => (
          <li key={a.rule} className={`alert-${a.severity}`}>
            <b>{RULE_LABELS[a.rule]}</b>：{a.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
