import type { RankHistory } from '@dispatch/core';

/**
 * A region's rank in each month as a row of small cells: the bottom places (`bottom` of `peers`) in red, the rest
 * shaded from top to bottom; the month and rank on hover.
 */
export function RankStrip({ region, months, peers, bottom }: { region: RankHistory['regions'][number]; months: readonly string[]; peers: number; bottom: number }) {
  return (
    <span className="rank-strip" role="img" aria-label={`${region.name}逐月名次：${region.ranks.map((r, i) => `${Number(months[i]!.slice(5))}月第${r}名`).join('，')}`}>
      {region.ranks.map((rank, i) => (
        <span key={months[i]} className={rank > peers - bottom ? 'strip-bottom' : 'strip-cell'} style={{ opacity: rank > peers - bottom ? 1 : 0.35 + (0.65 * (peers - rank)) / peers }} title={`${Number(months[i]!.slice(5))}月 第 ${rank} 名`}>
          {rank}
        </span>
      ))}
    </span>
  );
}
