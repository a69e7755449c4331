import type { ReactNode } from 'react';

/** One headline figure with its unit, a comparison line and the change since last month. */
export function KpiCard({ label, value, unit, detail, change, tone }: {
  label: string;
  value: string;
  unit?: string;
  detail?: ReactNode;
  change?: string;
  tone?: 'good' | 'bad';
}) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">
        {value}
        {unit && <small>{unit}</small>}
      </div>
      {detail && <div className="kpi-detail">{detail}</div>}
      {change && <div className="kpi-change">较上月 {change}</div>}
    </div>
  );
}
