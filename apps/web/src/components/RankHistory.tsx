import type { Region } from '@dispatch/core';
import { useMemo } from 'react';
import { buildRankHistoryOptions } from '../charts/trend-options.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useRankHistoryQuery } from '../hooks/use-rank-history-query.ts';
import { EChart } from './EChart.tsx';
import { Status } from './Status.tsx';

/**
 * The city's place among the 14 month by month. Each month's ranking is read by every post, so its ranks by month
 * are too: the same answer as the alerts page's heat map.
 */
export function RankHistory({ city }: { city: Region }) {
  const { period } = usePeriod();
  const ranks = useRankHistoryQuery(period, 'city');
  const history = useMemo(() => {
    const region = ranks.data?.regions.find((r) => r.code === city.code);
    if (!ranks.data || !region) return null;
    const points = ranks.data.months.map((month, i) => ({ period: month, rank: region.ranks[i]! })).filter((p) => p.rank > 0);
    return buildRankHistoryOptions(points, ranks.data.regions.length);
  }, [ranks.data, city.code]);
  return (
    <section className="card">
      <h2>全省排名变化</h2>
      <Status query={ranks}>{history && <EChart option={history} height={260} label={`${city.name}逐月全省排名`} />}</Status>
    </section>
  );
}
