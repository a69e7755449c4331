import { ALERT_RULES, RULE_LABELS, type Region } from '@dispatch/core';
import type { AlertFilters } from '../hooks/use-alert-filters.ts';

/** Which alerts: cities or counties, one city's, one rule, red or yellow. */
export function AlertFilterBar({ filters, cities, onChange }: {
  filters: AlertFilters;
  cities: readonly Region[];
  onChange: (change: Partial<Record<keyof AlertFilters, string | null>>) => void;
}) {
  return (
    <div className="toolbar" role="group" aria-label="预警筛选">
      <label>级别
        <select value={filters.level ?? ''} onChange={(e) => onChange({ level: e.target.value || null })} aria-label="级别">
          <option value="">市州与县市区</option>
          <option value="city">市州</option>
          <option value="county">县市区</option>
        </select>
      </label>
      <label>市州
        <select value={filters.city ?? ''} onChange={(e) => onChange({ city: e.target.value || null })} aria-label="市州">
          <option value="">全省</option>
          {cities.map((c) => <option key={c.code} value={c.code}>{c.shortName}</option>)}
        </select>
      </label>
      <label>规则
        <select value={filters.rule ?? ''} onChange={(e) => onChange({ rule: e.target.value || null })} aria-label="规则">
          <option value="">全部</option>
          {ALERT_RULES.map((rule) => <option key={rule} value={rule}>{RULE_LABELS[rule]}</option>)}
        </select>
      </label>
      <label>预警
        <select value={filters.severity ?? ''} onChange={(e) => onChange({ severity: e.target.value || null })} aria-label="预警">
          <option value="">红色与黄色</option>
          <option value="red">红色</option>
          <option value="yellow">黄色</option>
        </select>
      </label>
    </div>
  );
}
