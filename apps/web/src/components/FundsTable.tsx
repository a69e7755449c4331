import { formatPercent, formatWan, type FundRow } from '@dispatch/core';
import { useId } from 'react';
import { FUND_COLUMNS, type FundSort, type FundSortKey } from '../funds-table.ts';
import { DataTable } from './DataTable.tsx';

interface Props {
  rows: readonly FundRow[];
  /** show each county's city (counties of the whole province) */
  withCity: boolean;
  sort: FundSort;
  onSort: (sort: FundSort) => void;
  caption: string;
}

/** Budget, audited, unspent, projected need and gap of each region, in 万元; a region with a gap is marked. */
export function FundsTable({ rows, withCity, sort, onSort, caption }: Props) {
  const noteId = useId();
  const header = (key: FundSortKey, label: string, unit?: string) => {
    const active = sort.key === key;
    const toggle = () => onSort({ key, order: active && sort.order === 'desc' ? 'asc' : 'desc' });
    return (
      <th scope="col" className={key === 'name' ? undefined : `num fund-col-${key}`} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort" onClick={toggle}>
          {label}
          {unit && <small className="muted"><wbr />（{unit}）</small>}
          <span className="sort-mark">{active ? (sort.order === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <>
      <DataTable
        className="funds-table"
        head={
          <tr>
            {header('name', '地区')}
            {withCity && <th scope="col" className="fund-col-parent">所属市州</th>}
            {FUND_COLUMNS.map((c) => header(c.key, c.label, '万元'))}
            {header('fundsRatio', '资金执行率')}
          </tr>
        }
      >
        {rows.map((row) => (
          <tr key={row.regionCode} className={row.gap > 0 ? 'gap-row' : undefined}>
            <th scope="row">
              {row.regionName}
              {row.gap > 0 && <span className="tag tag-gap">缺口</span>}
              {row.donor && <span className="tag tag-donor" title="结余超出完成剩余目标的预计需求，且资金执行率低于时序进度">可调出</span>}
            </th>
            {withCity && <td className="fund-col-parent">{row.parentName}</td>}
            {FUND_COLUMNS.map((c) => (
              <td key={c.key} className={`num fund-col-${c.key}${c.key === 'gap' && row.gap > 0 ? ' gap-cell' : ''}`}>{formatWan(row[c.key])}</td>
            ))}
            <td className="num fund-col-fundsRatio">{formatPercent(row.fundsRatio)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="table-note" id={noteId}>{caption}</p>
    </>
  );
}
