import { formatCount, formatWan, formatYuan, type ClassList as ClassPage } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { useClassFilters, type ClassFilters } from '../hooks/use-class-filters.ts';
import { useClassesQuery } from '../hooks/use-classes-query.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { Pager } from './Pager.tsx';
import { Status } from './Status.tsx';

const BASES = [
  { key: 'finished', label: '结课（培训人次）' },
  { key: 'opened', label: '开班' },
  { key: 'audited', label: '资金审核' },
] as const;

/** The classes behind a region's numbers, paged and searchable, with totals that equal the dashboard's. */
export function ClassList({ code, period }: { code: string; period: string }) {
  const [filters, setFilters] = useClassFilters();
  const classes = useClassesQuery({ code, period, ...filters });
  const data = classes.data;
  return (
    <>
      <ClassFilterBar filters={filters} onChange={setFilters} />
      <Status query={classes} empty={data?.total === 0 && (filters.q ? `没有与“${filters.q}”相符的培训班。` : '该期间没有培训班。')}>
        {data && (
          <>
            <p className="summary" data-testid="class-totals">
              <span>共 <b>{formatCount(data.total)}</b> 个班，结业 <b>{formatCount(data.totals.completed)}</b> 人，</span>
              <span>补贴 <b>{formatCount(data.totals.subsidised)}</b> 人，审核资金 <b>{formatWan(data.totals.fundsAudited)}</b> 万元</span>
              {classes.isFetching && <span className="muted">（更新中…）</span>}
            </p>
            <ClassTable rows={data.rows} />
            <Pager page={filters.page} total={data.total} pageSize={data.pageSize} onPage={(page) => setFilters({ page })} />
          </>
        )}
      </Status>
    </>
  );
}

function ClassFilterBar({ filters, onChange }: { filters: ClassFilters; onChange: (change: Partial<ClassFilters>) => void }) {
  // The box answers every keystroke; the address (and the query) follow once typing pauses, and the box follows
  // the address when it changes otherwise (the browser's back button).
  const [search, setSearch] = useState(filters.q);
  const settled = useDebounced(search.trim());
  const inAddress = useRef(filters.q);
  useEffect(() => {
    if (settled !== search.trim() || settled === inAddress.current) return;
    inAddress.current = settled;
    onChange({ q: settled });
  });
  useEffect(() => {
    if (filters.q === inAddress.current) return;
    inAddress.current = filters.q;
    setSearch(filters.q);
  }, [filters.q]);
  return (
    <div className="toolbar" role="group" aria-label="培训班筛选">
      <label>口径
        <select value={filters.basis} onChange={(e) => onChange({ basis: e.target.value as ClassFilters['basis'] })} aria-label="口径">
          {BASES.map((b) => <option key={b.key} value={b.key}>{b.label}</option>)}
        </select>
      </label>
      <label>范围
        <select value={filters.scope} onChange={(e) => onChange({ scope: e.target.value as ClassFilters['scope'] })} aria-label="范围">
          <option value="ytd">年度累计</option>
          <option value="month">仅当月</option>
        </select>
      </label>
      <input type="search" placeholder="搜索机构、工种或班级编号" aria-label="搜索机构、工种或班级编号" value={search} maxLength={50} onChange={(e) => setSearch(e.target.value)} />
    </div>
  );
}

function ClassTable({ rows }: { rows: ClassPage['rows'] }) {
  return (
    <div className="table-wrap">
      <table className="ranking classes">
        <thead>
          <tr>
            <th scope="col">班级编号</th><th scope="col">县市区</th><th scope="col">培训机构</th><th scope="col">工种</th>
            <th scope="col">类型</th><th scope="col">开班</th><th scope="col">结课</th>
            <th scope="col" className="num">结业</th><th scope="col" className="num">补贴人数</th>
            <th scope="col" className="num">补贴标准<wbr /><small>（元）</small></th><th scope="col" className="num">审核资金<wbr /><small>（元）</small></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.classNo}>
              <td>{c.classNo}</td><td>{c.regionName}</td><td>{c.institution}</td><td>{c.occupation}</td>
              <td>{c.trainingType}</td><td>{c.openedOn}</td><td>{c.finishedOn ?? '在训'}</td>
              <td className="num">{formatCount(c.completed)}</td><td className="num">{formatCount(c.subsidised)}</td>
              <td className="num">{formatYuan(c.subsidyStandard)}</td><td className="num">{formatYuan(c.fundsAudited)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
