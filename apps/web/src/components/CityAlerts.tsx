import { formatCount, RULE_LABELS, shortRegionName, type Alert, type MetricRow } from '@dispatch/core';
import { DataTable } from './DataTable.tsx';

/**
 * A city's own alerts and its counties', each region with the pace it needs first — people to finish in each
 * remaining month to reach its annual target — then what its alerts say.
 */
export function CityAlerts({ alerts, rows }: { alerts: readonly Alert[]; rows: readonly MetricRow[] }) {
  const byRegion = new Map<string, Alert[]>();
  for (const alert of alerts) byRegion.set(alert.regionCode, [...(byRegion.get(alert.regionCode) ?? []), alert]);
  const regions = rows.filter((row) => byRegion.has(row.code)).sort((a, b) => (b.catchUpPerMonth ?? 0) - (a.catchUpPerMonth ?? 0));
  if (regions.length === 0) return <p className="notice">本月本市及所辖县市区没有预警。</p>;
  // In December no month is left to catch up in: what is still missing to the target takes the pace's place.
  const yearEnd = regions.every((row) => row.catchUpPerMonth === null);
  const pace = (row: MetricRow) => {
    if (row.catchUpPerMonth !== null) return row.catchUpPerMonth === 0 ? '已完成' : formatCount(row.catchUpPerMonth);
    const short = row.target - row.trainees;
    return row.target <= 0 ? '—' : short > 0 ? formatCount(short) : '已完成';
  };
  const head = (
    <tr>
      <th scope="col">地区</th>
      <th scope="col" className="num" title={yearEnd ? '全年已无剩余月份，列出距年度目标还差的人数' : undefined}>
        {yearEnd ? '距全年目标还差' : '需月均结业'}<wbr /><small>（人）</small>
      </th>
      <th scope="col">预警</th>
    </tr>
  );
  return (
    <DataTable className="city-alerts" head={head}>
      {regions.map((row) => (
        <tr key={row.code} data-code={row.code}>
          <th scope="row">{shortRegionName(row.name, row.level)}</th>
          <td className="num">{pace(row)}</td>
          <td className="wrap">
            <ul className="plain">
              {byRegion.get(row.code)!.map((a) => (
                <li key={a.rule}><span className={`alert-dot alert-${a.severity}`} /> <b>{RULE_LABELS[a.rule]}</b>：{a.message}</li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
