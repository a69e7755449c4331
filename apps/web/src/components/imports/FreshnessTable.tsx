import { formatBeijingDateTime, shortRegionName, type Freshness } from '@dispatch/core';
import { freshnessByCity } from '../../import-report.ts';

/** Per city: how many of its counties' month has arrived, the latest arrival, and the counties not arrived by name. */
export function FreshnessTable({ freshness }: { freshness: Freshness }) {
  const cities = freshnessByCity(freshness);
  return (
    <table className="ranking freshness">
      <thead>
        <tr><th scope="col">市州</th><th scope="col">已报送</th><th scope="col">最近报送</th><th scope="col">未报送的县市区</th></tr>
      </thead>
      <tbody>
        {cities.map((c) => (
          <tr key={c.code} className={c.missing.length ? 'missing' : undefined}>
            <th scope="row" data-label="市州">{shortRegionName(c.name, 'city')}</th>
            <td data-label="已报送" className="num">{c.arrived}/{c.counties}</td>
            <td data-label="最近报送">{c.lastArrivedAt ? formatBeijingDateTime(c.lastArrivedAt) : '—'}</td>
            <td data-label="未报送的县市区" className="missing-names">{c.missing.length ? c.missing.join('、') : '无'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
