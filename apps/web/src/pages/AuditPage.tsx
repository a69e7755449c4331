import { auditActionLabel } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import type { AuditResponse } from '../api/types.ts';
import { describeAuditDetail } from '../audit-detail.ts';
import { useAccess } from '../auth/signed-in.ts';
import { Status } from '../components/Status.tsx';
import { formatBeijingTime, formatCount } from '../format.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { useSearchParam } from '../hooks/use-search-param.ts';

const PAGE_SIZE = 50;

/** The audit log, newest first, filtered by who, what, where and when; the filters live in the address. */
export function AuditPage() {
  const access = useAccess();
  const [actor, setActor] = useSearchParam('actor');
  const [action, setAction] = useSearchParam('action');
  const [region, setRegion] = useSearchParam('region');
  const [from, setFrom] = useSearchParam('from');
  const [to, setTo] = useSearchParam('to');
  const [pageParam, setPage] = useSearchParam('page');
  const page = Math.max(1, Number(pageParam) || 1);
  const actorQuery = useDebounced((actor ?? '').trim());
  const regions = useRegionsQuery().data ?? [];
  const search = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const [key, value] of [['actor', actorQuery], ['action', action], ['region', region], ['from', from], ['to', to]] as const) {
    if (value) search.set(key, value);
  }
  const audit = useQuery({
    queryKey: ['audit', search.toString()],
    queryFn: () => fetchJson<AuditResponse>(`/api/audit?${search}`),
    placeholderData: keepPreviousData,
    enabled: access.can('read:audit'),
  });
  if (!access.can('read:audit')) return <main className="page"><p className="notice" role="status">审计日志仅限省级管理员查看。</p></main>;
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(null);
  };
  const data = audit.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <main className="page">
      <h1>审计日志</h1>
      <div className="toolbar card" role="group" aria-label="审计日志筛选">
        <label>操作人
          <input type="search" value={actor ?? ''} maxLength={64} placeholder="登录名" onChange={(e) => filter(setActor)(e.target.value || null)} />
        </label>
        <label>操作
          <select value={action ?? ''} onChange={(e) => filter(setAction)(e.target.value || null)}>
            <option value="">全部</option>
            {data?.actions.map((a) => <option key={a} value={a}>{auditActionLabel(a)}</option>)}
          </select>
        </label>
        <label>地区
          <select value={region ?? ''} onChange={(e) => filter(setRegion)(e.target.value || null)}>
            <option value="">全部</option>
            {regions.map((r) => <option key={r.code} value={r.code}>{r.level === 'county' ? `　${r.name}` : r.name}</option>)}
          </select>
        </label>
        <label>自<input type="date" value={from ?? ''} onChange={(e) => filter(setFrom)(e.target.value || null)} /></label>
        <label>至<input type="date" value={to ?? ''} onChange={(e) => filter(setTo)(e.target.value || null)} /></label>
      </div>
      <section className="card">
        <Status query={audit} empty={data?.total === 0 && '没有符合条件的记录。'}>
          {data && (
            <>
              <p className="summary">共 <b>{formatCount(data.total)}</b> 条（北京时间；地区含下级）{audit.isFetching && <span className="muted">（更新中…）</span>}</p>
              <div className="table-wrap">
                <table className="ranking audit">
                  <thead>
                    <tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">来源地址</th><th scope="col">操作</th><th scope="col">地区</th><th scope="col">内容</th></tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr key={row.id} data-action={row.action}>
                        <td className="nowrap">{formatBeijingTime(row.at)}</td>
                        <td>{row.actorLogin ?? '—'}</td>
                        <td>{row.address ?? '本机'}</td>
                        <td className={row.action.endsWith('-failed') ? 'down' : undefined}>{auditActionLabel(row.action)}</td>
                        <td>{row.regionName ?? '—'}</td>
                        <td className="small">{describeAuditDetail(row.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="pager">
                <button type="button" disabled={page <= 1} onClick={() => setPage(String(page - 1))}>上一页</button>
                <span>第 {page} / {pages} 页</span>
                <button type="button" disabled={page >= pages} onClick={() => setPage(String(page + 1))}>下一页</button>
              </div>
            </>
          )}
        </Status>
      </section>
    </main>
  );
}
