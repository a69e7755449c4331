import { formatPeriodLabel, regionLevelOfCode, regionPath, shortRegionName } from '@dispatch/core';
import { Link, useLocation } from 'wouter';
import { postOf, useAccess } from '../auth/signed-in.ts';
import { useAlertSummaryQuery } from '../hooks/use-alert-summary-query.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useSignOutMutation } from '../hooks/use-sign-out-mutation.ts';
import { useTasksQuery } from '../hooks/use-tasks-query.ts';

/** Brand, the screens this person may open, the month picker every screen shares, and who is signed in. */
export function TopBar() {
  const { period, periods, setPeriod } = usePeriod();
  const [location] = useLocation();
  const access = useAccess();
  const { user, home } = access;
  const redAlerts = useAlertSummaryQuery(period).data?.counts.reduce((sum, c) => sum + c.red, 0);
  // Only the province and city leaders act on actions: the others have no to-do.
  const hasTasks = access.can('write:supervision', user.regionCode);
  const tasks = useTasksQuery(hasTasks).data?.count;
  const nav: { path: string; label: string; withPeriod?: boolean; count?: number; countTitle?: string }[] = [
    { path: '/', label: '总览', withPeriod: true },
    { path: '/rankings', label: '排名', withPeriod: true },
    { path: '/alerts', label: '预警', withPeriod: true, count: redAlerts },
    { path: '/map', label: '地图', withPeriod: true },
    { path: '/supervision', label: '督导' },
    { path: '/funds', label: '资金', withPeriod: true },
    { path: '/bulletins', label: '通报', withPeriod: true },
  ];
  if (regionLevelOfCode(user.regionCode) !== 'province') {
    nav.push({ path: regionPath(user.regionCode), label: home ? `本${home.level === 'city' ? '市' : '县'}·${shortRegionName(home.name, home.level)}` : '本地', withPeriod: true });
  }
  if (hasTasks) nav.push({ path: '/tasks', label: '待办', count: tasks, countTitle: `待办 ${tasks ?? 0} 项` });
  // Monthly data comes in from province posts and city leaders (their own city's rows); the server checks each row.
  if (access.can('write:data', user.regionCode)) nav.push({ path: '/imports', label: '数据导入', withPeriod: true });
  if (access.can('manage:users')) nav.push({ path: '/admin/users', label: '账号' });
  if (access.can('read:audit')) nav.push({ path: '/admin/audit', label: '审计日志' });
  if (access.can('manage:settings')) nav.push({ path: '/admin/settings', label: '预警规则' });
  return (
    <header className="top-bar">
      <span className="brand">技能提升行动月调度平台</span>
      <nav aria-label="页面">
        {nav.map((item) => (
          <Link key={item.path} href={item.withPeriod ? withPeriod(item.path, period) : item.path} className={location === item.path || (item.path === '/supervision' && location.startsWith('/supervision/')) ? 'active' : undefined}>
            {item.label}
            {item.count ? <span className="nav-count" title={item.countTitle ?? `本月红色预警 ${item.count} 个`}>{item.count}</span> : null}
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
      <UserMenu displayName={user.displayName} post={postOf(user, home?.name)} demo={user.demo} />
    </header>
  );
}

function UserMenu({ displayName, post, demo }: { displayName: string; post: string; demo: boolean }) {
  const signOut = useSignOutMutation();
  return (
    <div className="user" aria-label="当前账号">
      <span className="user-name">
        {displayName}
        {demo && <span className="tag tag-demo" title="演示账号：密码在首次启动时打印，仅供体验">演示账号</span>}
      </span>
      <span className="user-post">{post}</span>
      <Link href="/account" className="user-link">修改密码</Link>
      <button type="button" className="link-button user-link" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        退出
      </button>
    </div>
  );
}
