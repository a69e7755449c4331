import { useState } from 'react';
import { formatCount, formatWan, formatYuan } from '../format.ts';
import { useClassesQuery, type ClassesParams } from '../hooks/use-classes-query.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { Status } from './Status.tsx';

const BASES = [
  { key: 'finished', label: '结课（培训人次）' },
  { key: 'opened', label: '开班' },
  { key: 'audited', label: '资金审核' },
] as const;

/** The classes behind a region's numbers, paged and searchable, with totals that equal the dashboard's. */
export function ClassList({ code, period }: { code: string; period: string }) {
  const [basis, setBasis] = useState<ClassesParams['basis']>('finished');
  const [scope, setScope] = useState<ClassesParams['scope']>('ytd');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim());
  const classes = useClassesQuery({ code, period, basis, scope, q, page });
  const data = classes.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const reset = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <>
      <div className="toolbar" role="group" aria-label="培训班筛选">
        <label>口径
          <select value={basis} onChange={(e) => reset(setBasis)(e.target.value as ClassesParams['basis'])} aria-label="口径">
            {BASES.map((b) => <option key={b.key} value={b.key}>{b.label}</option>)}
          </select>
        </label>
        <label>范围
          <select value={scope} onChange={(e) => reset(setScope)(e.target.value as ClassesParams['scope'])} aria-label="范围">
            <option value="ytd">年度累计</option>
            <option value="month">仅当月</option>
          </select>
        </label>
        <input
          type="search"
          placeholder="搜索机构、工种或班级编号"
          aria-label="搜索机构、工种或班级编号"
          value={search}
          maxLength={50}
          onChange={(e) => reset(setSearch)(e.target.value)}
        />
      </div>
      <Status query={classes} empty={data?.total === 0 && (q ? `没有与“${q}”相符的培训班。` : '该期间没有培训班。')}>
        {data && (
          <>
            <p className="summary" data-testid="class-totals">
              共 <b>{formatCount(data.total)}</b> 个班，结业 <b>{formatCount(data.totals.completed)}</b> 人，
              补贴 <b>{formatCount(data.totals.subsidised)}</b> 人，审核资金 <b>{formatWan(data.totals.fundsAudited)}</b> 万元
              {classes.isFetching && <span className="muted">（更新中…）</span>}
            </p>
            <div className="table-wrap">
              <table className="ranking classes">
                <thead>
                  <tr>
                    <th scope="col">班级编号</th><th scope="col">县市区</th><th scope="col">培训机构</th><th scope="col">工种</th>
                    <th scope="col">类型</th><th scope="col">开班</th><th scope="col">结课</th>
                    <th scope="col" className="num">结业</th><th scope="col" className="num">补贴人数</th>
                    <th scope="col" className="num">补贴标准<small>（元）</small></th><th scope="col" className="num">审核资金<small>（元）</small></th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((c) => (
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
            <nav className="pager" aria-label="分页">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>上一页</button>
              <span>第 {page} / {pages} 页</span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>下一页</button>
            </nav>
          </>
        )}
      </Status>
    </>
  );
}
