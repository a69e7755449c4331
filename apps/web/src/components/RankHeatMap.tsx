import { shortRegionName, type RankHistory } from '@dispatch/core';
import { useLayoutEffect, useRef } from 'react';

/**
 * Ranks by month: months across, regions down (in the last month's order), the rank in each cell coloured from
 * first (blue) to last (red) — the persistent bottom is a red band at a glance. On a phone the twelve months fit
 * the screen (headers without 月, narrow cells); where they still do not, the names stay pinned at the left and the
 * box opens scrolled to the last month, the one asked for.
 */
export function RankHeatMap({ history, level }: { history: RankHistory; level: 'city' | 'county' }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, [history]);
  const peers = history.regions.length;
  const colour = (rank: number) => `hsl(${Math.round(210 - (210 * (rank - 1)) / Math.max(1, peers - 1))}, 65%, ${rank > peers - 3 ? 45 : 60}%)`;
  return (
    <div className="table-wrap heat-wrap" ref={box}>
      <table className="heat-map" aria-label="逐月名次热力图">
        <thead>
          <tr>
            <th scope="col">地区</th>
            {history.months.map((m) => (
              <th key={m} scope="col" title={`${Number(m.slice(5))}月`}>{Number(m.slice(5))}<span className="month-unit">月</span></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.regions.map((region) => (
            <tr key={region.code} data-code={region.code}>
              <th scope="row">{shortRegionName(region.name, level)}</th>
              {region.ranks.map((rank, i) => (
                <td key={history.months[i]} style={{ background: colour(rank) }} title={`${region.name} ${Number(history.months[i]!.slice(5))}月 第 ${rank} 名`}>{rank}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
