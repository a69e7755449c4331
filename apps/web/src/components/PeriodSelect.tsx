import { formatPeriodLabel } from '../format.ts';

interface Props {
  periods: readonly string[];
  value: string;
  onChange: (period: string) => void;
}

export function PeriodSelect({ periods, value, onChange }: Props) {
  return (
    <label className="period-select">
      统计期间
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="统计期间">
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {formatPeriodLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
