import { shortRegionName, type MetricRow } from '@dispatch/core';
import { formatCount, formatPercent, formatPoints, formatWan, formatYuan, lagLevel } from '../format.ts';

function RankChange({ change }: { change: number | null }) {
  if (change === null) return <span className="muted">—</span>;
  if (change === 0) return <span className="muted">持平</span>;
  return change > 0 ? (
    <span className="up" aria-label={`上升 ${change} 位`}>↑{change}</span>
  ) : (
    <span className="down" aria-label={`下降 ${-change} 位`}>↓{-change}</span>
  );
}

const LAG_LABEL = { behind: '落后', 'far-behind': '严重落后', ahead: '', none: '' } as const;

/** The ranking as officials read it: behind-the-time-line rows marked, figures in 万 where they expect them. */
export function RankingTable({ rows, caption }: { rows: readonly MetricRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">名次</th>
            <th scope="col">地区</th>
            <th scope="col" className="num">目标任务<small>（万人次）</small></th>
            <th scope="col" className="num">开班数</th>
            <th scope="col" className="num">结课数</th>
            <th scope="col" className="num">培训人次<small>（万人次）</small></th>
            <th scope="col" className="num">完成比例</th>
            <th scope="col" className="num">较时序进度<small>（百分点）</small></th>
            <th scope="col" className="num">资金审核数<small>（万元）</small></th>
            <th scope="col" className="num">资金执行率</th>
            <th scope="col" className="num">人均补贴<small>（元）</small></th>
            <th scope="col">名次变化</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const level = lagLevel(row.lag);
            return (
              <tr key={row.code} className={`lag-${level}`} data-code={row.code}>
                <td className="num">{row.rank}</td>
                <th scope="row" title={row.name}>
                  {shortRegionName(row.name, row.level)}
                  {LAG_LABEL[level] && <span className={`tag tag-${level}`}>{LAG_LABEL[level]}</span>}
                </th>
                <td className="num">{formatWan(row.target)}</td>
                <td className="num">{formatCount(row.classesOpened)}</td>
                <td className="num">{formatCount(row.classesFinished)}</td>
                <td className="num">{formatWan(row.trainees)}</td>
                <td className="num">{formatPercent(row.completionRatio)}</td>
                <td className="num">{formatPoints(row.lag)}</td>
                <td className="num">{formatWan(row.fundsAudited)}</td>
                <td className="num">{formatPercent(row.fundsRatio)}</td>
                <td className="num">{formatYuan(row.avgSubsidy)}</td>
                <td><RankChange change={row.rankChange} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
