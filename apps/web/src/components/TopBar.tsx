import { Link, useLocation } from 'wouter';
import { formatPeriodLabel } from '../format.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';

const NAV = [
  { path: '/', label: '总览' },
  { path: '/rankings', label: '排名' },
  { path: '/map', label: '地图' },
] as const;

/** Brand, the screens, and the month picker every screen shares. */
export function TopBar() {
  const { period, periods, setPeriod } = usePeriod();
  const [location] = useLocation();
  return (
    <header className="top-bar">
      <span className="brand">技能提升行动月调度平台</span>
      <nav aria-label="页面">
        {NAV.map((item) => (
          <Link key={item.path} href={withPeriod(item.path, period)} className={location === item.path ? 'active' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <label className="period-select">
        <span>统计期间</span>
        <select value={period} onChange={(e) => setPeriod(e.target.value)} aria-label="统计期间">
          {[...periods].reverse().map((p) => (
            <option key={p} value={p}>
              {formatPeriodLabel(p)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
