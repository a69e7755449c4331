import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { landingPath, loginPath, safeReturnPath } from './auth/return-path.ts';
import { SignedInContext } from './auth/signed-in.ts';
import { useMeQuery } from './auth/use-me-query.ts';
import { DemoBanner } from './components/DemoBanner.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { PeriodNotice } from './components/PeriodNotice.tsx';
import { TopBar } from './components/TopBar.tsx';
import { PeriodsContext } from './hooks/use-period.ts';
import { usePeriodsQuery } from './hooks/use-periods-query.ts';
import { AccountPage } from './pages/AccountPage.tsx';
import { ActionPage } from './pages/ActionPage.tsx';
import { AlertsPage } from './pages/AlertsPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { BulletinsPage } from './pages/BulletinsPage.tsx';
import { CityPage } from './pages/CityPage.tsx';
import { FundsPage } from './pages/FundsPage.tsx';
import { ImportsPage } from './pages/ImportsPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { RankingsPage } from './pages/RankingsPage.tsx';
import { RegionPage } from './pages/RegionPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SupervisionPage } from './pages/SupervisionPage.tsx';
import { TasksPage } from './pages/TasksPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

/** Nobody signed in: the sign-in page, remembering where they were going. Signed in: the product. */
export function App() {
  const me = useMeQuery();
  const [location] = useLocation();
  const search = useSearch();
  if (me.isPending) return <p className="loading page" role="status">正在加载…</p>;
  if (me.isError) return <p className="error page" role="alert">无法连接服务器：{me.error.message}</p>;
  if (!me.data) {
    if (location !== '/login') return <Redirect to={loginPath(`${location}${search ? `?${search}` : ''}`)} replace />;
    return <SignInPage />;
  }
  if (location === '/login') {
    return <Redirect to={safeReturnPath(new URLSearchParams(search).get('next')) ?? landingPath(me.data.user)} replace />;
  }
  return (
    <SignedInContext.Provider value={me.data}>
      <Product />
    </SignedInContext.Provider>
  );
}

function Product() {
  const periods = usePeriodsQuery();
  const [location] = useLocation();
  if (periods.isPending) return <p className="loading page" role="status">正在加载…</p>;
  if (periods.isError) return <p className="error page" role="alert">无法加载数据：{periods.error.message}</p>;
  const { latest } = periods.data;
  if (latest === null) return <p className="notice page">暂无数据：请先导入月度数据。</p>;
  return (
    <PeriodsContext.Provider value={{ periods: periods.data.periods, latest }}>
      <TopBar />
      <DemoBanner demoYears={periods.data.demoYears} />
      <PeriodNotice />
      {/* A screen that fails to draw says so; the next screen starts afresh. */}
      <ErrorBoundary key={location}>
        <Switch>
          <Route path="/" component={OverviewPage} />
          <Route path="/rankings" component={RankingsPage} />
          <Route path="/alerts" component={AlertsPage} />
          <Route path="/map" component={MapPage} />
          <Route path="/funds" component={FundsPage} />
          <Route path="/bulletins" component={BulletinsPage} />
          <Route path="/city/:code" component={CityPage} />
          <Route path="/region/:code" component={RegionPage} />
          <Route path="/supervision" component={SupervisionPage} />
          <Route path="/supervision/:id" component={ActionPage} />
          <Route path="/tasks" component={TasksPage} />
          <Route path="/imports" component={ImportsPage} />
          <Route path="/account" component={AccountPage} />
          <Route path="/admin/users" component={UsersPage} />
          <Route path="/admin/audit" component={AuditPage} />
          <Route path="/admin/settings" component={SettingsPage} />
          <Route>
            <main className="page"><p className="notice">没有这个页面。<a href="/">返回总览</a></p></main>
          </Route>
        </Switch>
      </ErrorBoundary>
    </PeriodsContext.Provider>
  );
}
