import { groupByRule, RULE_LABELS, shortRegionName, type Alert } from '@dispatch/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { subjectOfAlert } from '../action-draft.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { OpenActionButton } from './OpenActionButton.tsx';

/**
 * Alerts grouped by rule, each a region and the sentence an official can read out; `aside` adds to an alert (its
 * notes); with `withActions`, a province post's button to open guidance or a summons citing the alert.
 */
export function AlertList({ alerts, period, aside, withActions = false }: {
  alerts: readonly Alert[];
  period: string;
  aside?: (alert: Alert) => ReactNode;
  withActions?: boolean;
}) {
  const regionLink = useRegionLink(period);
  if (alerts.length === 0) return <p className="notice">没有符合条件的预警。</p>;
  return (
    <>
      {groupByRule(alerts).map(([rule, group]) => {
        return (
          <section key={rule} className="alert-group">
            <h3>{RULE_LABELS[rule]} <small className="muted">{group.length} 个地区</small></h3>
            <ul>
              {group.map((alert) => {
                const href = regionLink({ code: alert.regionCode, level: alert.level });
                const name = shortRegionName(alert.regionName, alert.level);
                return (
                  <li key={`${alert.regionCode}-${alert.rule}`} className={`alert-${alert.severity}`} data-code={alert.regionCode}>
                    <span className={`alert-dot alert-${alert.severity}`} aria-label={alert.severity === 'red' ? '红色预警' : '黄色预警'} />
                    <b>{href ? <Link href={href}>{name}</Link> : name}</b> {alert.message}
                    {withActions && <OpenActionButton subject={subjectOfAlert(alert)} />}
                    {aside && <div className="alert-aside">{aside(alert)}</div>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
