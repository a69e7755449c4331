import { displayCell, formatCount, formatPercent, formatPoints, peopleGapCell, RANKING_COLUMNS, regionGaps, shortRegionName, type Alert, type MetricRow, type Period } from '@dispatch/core';
import { useId } from 'react';
import { Link } from 'wouter';
import type { ArrivalMark } from '../arrival-marks.ts';
import { ArrivalTag } from './RankingTable.tsx';

const RANK_CHANGE = RANKING_COLUMNS.find((c) => c.key === 'rankChange')!;
const LAG = RANKING_COLUMNS.find((c) => c.key === 'lag')!;

/**
 * Each county of a city with its distance to the time line in points and its gaps in people to the time line and
 * the target, and its distance to the province; a row tinted by its worst alert, as the rankings tint theirs.
 */
export function CountyGapTable({ rows, reference, linkOf, period, alerts, noted, arrivals }: {
  rows: readonly MetricRow[];
  reference: MetricRow;
  linkOf: (row: MetricRow) => string | undefined;
  period: Period;
  alerts?: ReadonlyMap<string, Alert[]>;
  /** counties with a note this month: a 说明 mark leads to it in the notes panel (#note-<code>) */
  noted?: ReadonlySet<string>;
  /** the month's 未报送 marks (useArrivalMarks): a county whose month has not arrived shows no rank, ratio or gap */
  arrivals?: ReadonlyMap<string, ArrivalMark>;
}) {
  const noteId = useId();
  return (
    <>
    <div className="table-wrap">
      <table className="ranking gaps sticky-name phone-compact" aria-describedby={noteId}>
        <thead>
          <tr>
            <th scope="col" className="num col-rank">名次</th>
            <th scope="col" className="col-name">县市区</th>
            <th scope="col" className="num col-completionRatio">完成比例</th>
            <th scope="col" className="num col-lag">较时序进度<wbr /><small>（百分点）</small></th>
            <th scope="col" className="num col-toTimeLine">距时序<wbr /><small>（人）</small></th>
            <th scope="col" className="num col-toTarget">距目标<wbr /><small>（人）</small></th>
            <th scope="col" className="num col-toReference">较全省</th>
            <th scope="col" className="num col-monthTrainees">本月培训<wbr /><small>（人次）</small></th>
            <th scope="col" className="col-rankChange">名次变化</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const gaps = regionGaps(row, reference, period);
            const href = linkOf(row);
            const name = shortRegionName(row.name, row.level);
            const worst = alerts?.get(row.code)?.[0];
            const arrival = arrivals?.get(row.code);
            const missing = arrival?.state === 'missing';
            /** a missing month's rank, ratios and gaps are not shown: 「—」 */
            const shown = (text: string) => (missing ? '—' : text);
            return (
              <tr key={row.code} className={[worst && `alert-row-${worst.severity}`, missing && 'not-arrived'].filter(Boolean).join(' ') || undefined} data-code={row.code}>
                <td className="num col-rank">{arrival && missing ? <ArrivalTag mark={arrival} /> : row.rank}</td>
                <th scope="row" className="col-name" title={row.name}>{href ? <Link href={href}>{name}</Link> : name}
                  {noted?.has(row.code) && <a className="note-mark" href={`#note-${row.code}`} aria-label={`${name}本月的情况说明`}>注</a>}
                </th>
                <td className="num col-completionRatio">{shown(formatPercent(row.completionRatio))}</td>
                <td className="num col-lag">{shown(displayCell(LAG, row).text)}</td>
                <td className="num col-toTimeLine">{shown(peopleGapCell(gaps.toTimeLine, '已达'))}</td>
                <td className="num col-toTarget">{shown(peopleGapCell(gaps.toTarget, '已完成'))}</td>
                <td className="num col-toReference">{shown(formatPoints(gaps.toReference))}</td>
                <td className="num col-monthTrainees">{formatCount(row.month.trainees)}</td>
                <td className={`col-rankChange ${!missing && row.rankChange ? (row.rankChange > 0 ? 'up' : 'down') : 'muted'}`}>{shown(displayCell(RANK_CHANGE, row).text)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    <p className="table-note" id={noteId}>较时序进度为完成比例与时序进度之差；距时序、距目标为还需培训的人数；较全省为完成比例之差（百分点）。名次为市内排名，名次变化较上月。</p>
    </>
  );
}
