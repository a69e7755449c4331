import type { Alert } from '@dispatch/core';
import { Link } from 'wouter';
import { subjectOfAlert } from '../action-draft.ts';
import { useRankHistoryQuery } from '../hooks/use-rank-history-query.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { OpenActionButton } from './OpenActionButton.tsx';
import { RankStrip } from './RankStrip.tsx';

/** 约谈名单: the regions persistently at the bottom, each with its rank month by month (and, with `withActions`, 约谈). */
export function SummonsList({ summons, period, withActions = false }: { summons: readonly Alert[]; period: string; withActions?: boolean }) {
  const cities = useRankHistoryQuery(period, 'city').data;
  const counties = useRankHistoryQuery(period, 'county').data;
  const regionLink = useRegionLink(period);
  if (summons.length === 0) return <p className="notice">本月没有持续排名靠后的地区。</p>;
  return (
    <ul className="summons">
      {summons.map((alert) => {
        const history = alert.level === 'city' ? cities : counties;
        const region = history?.regions.find((r) => r.code === alert.regionCode);
        const href = regionLink({ code: alert.regionCode, level: alert.level });
        return (
          <li key={alert.regionCode} data-code={alert.regionCode}>
            <span className="summons-name">{href ? <Link href={href}>{alert.regionName}</Link> : alert.regionName}</span>
            <span className="summons-message">{alert.message}</span>
            {history && region && <RankStrip region={region} months={history.months} peers={history.regions.length} bottom={Number(alert.facts.bottom)} />}
            {withActions && <OpenActionButton subject={subjectOfAlert(alert)} />}
          </li>
        );
      })}
    </ul>
  );
}
