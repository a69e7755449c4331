import { ACTION_KIND_LABELS, ACTION_KINDS, ACTION_STATE_LABELS, ACTION_STATES, type Region } from '@dispatch/core';
import type { ActionFilters } from '../hooks/use-action-filters.ts';

/** Which actions: by state, kind, city, only the overdue ones. */
export function ActionFilterBar({ filters, cities, onChange }: {
  filters: ActionFilters;
  cities: readonly Region[];
  onChange: (change: Partial<Record<keyof ActionFilters, string | null>>) => void;
}) {
  return (
    <div className="toolbar" role="group" aria-label="督导事项筛选">
      <label>状态
        <select value={filters.state ?? ''} onChange={(e) => onChange({ state: e.target.value || null })} aria-label="状态">
          <option value="">全部</option>
          {ACTION_STATES.map((state) => <option key={state} value={state}>{ACTION_STATE_LABELS[state]}</option>)}
        </select>
      </label>
      <label>类型
        <select value={filters.kind ?? ''} onChange={(e) => onChange({ kind: e.target.value || null })} aria-label="类型">
          <option value="">全部</option>
          {ACTION_KINDS.map((kind) => <option key={kind} value={kind}>{ACTION_KIND_LABELS[kind]}</option>)}
        </select>
      </label>
      {cities.length > 1 && (
        <label>市州
          <select value={filters.city ?? ''} onChange={(e) => onChange({ city: e.target.value || null })} aria-label="市州">
            <option value="">全部</option>
            {cities.map((c) => <option key={c.code} value={c.code}>{c.shortName}</option>)}
          </select>
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => onChange({ overdue: e.target.checked ? 'true' : null })} />
        只看逾期
      </label>
    </div>
  );
}
