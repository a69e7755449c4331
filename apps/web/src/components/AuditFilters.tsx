import { auditActionLabel, type Region } from '@dispatch/core';
import type { AuditFilterKey } from '../hooks/use-audit-filters.ts';

/** Who, what, where and when: the audit log's filters. */
export function AuditFilters({ filters, actions, regions, onChange }: {
  filters: Record<AuditFilterKey, string>;
  actions: readonly string[];
  regions: readonly Region[];
  onChange: (key: AuditFilterKey, value: string) => void;
}) {
  const bind = (key: AuditFilterKey) => ({ value: filters[key], onChange: (e: { target: { value: string } }) => onChange(key, e.target.value) });
  return (
    <div className="toolbar card" role="group" aria-label="审计日志筛选">
      <label>操作人<input type="search" maxLength={64} placeholder="登录名" {...bind('actor')} /></label>
      <label>操作
        <select {...bind('action')}>
          <option value="">全部</option>
          {actions.map((a) => <option key={a} value={a}>{auditActionLabel(a)}</option>)}
        </select>
      </label>
      <label>地区
        <select {...bind('region')}>
          <option value="">全部</option>
          {regions.map((r) => <option key={r.code} value={r.code}>{r.level === 'county' ? `　${r.name}` : r.name}</option>)}
        </select>
      </label>
      <label>自<input type="date" {...bind('from')} /></label>
      <label>至<input type="date" {...bind('to')} /></label>
    </div>
  );
}
