import { Route, Switch } from 'wouter';
import { DemoBanner } from './components/DemoBanner.tsx';
import { PeriodNotice } from './components/PeriodNotice.tsx';
import { TopBar } from './components/TopBar.tsx';
import { PeriodsContext } from './hooks/use-period.ts';
import { usePeriodsQuery } from './hooks/use-periods-query.ts';
import { CityPage } from './pages/CityPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { RankingsPage } from './pages/RankingsPage.tsx';
import { RegionPage } from './pages/RegionPage.tsx';

export function App() {
  const periods = usePeriodsQuery();
  if (periods.isPending) return <p className="loading page" role="status">正在加载…</p>;
  if (periods.isError) return <p className="error page" role="alert">无法加载数据：{periods.error.message}</p>;
  const { latest } = periods.data;
  if (latest === null) return <p className="notice page">暂无数据：请先导入月度数据。</p>;
  return (
    <PeriodsContext.Provider value={{ periods: periods.data.periods, latest }}>
      <TopBar />
      {periods.data.demo && <DemoBanner />}
      <PeriodNotice />
      <Switch>
        <Route path="/" component={OverviewPage} />
        <Route path="/rankings" component={RankingsPage} />
        <Route path="/map" component={MapPage} />
        <Route path="/city/:code" component={CityPage} />
        <Route path="/region/:code" component={RegionPage} />
        <Route>
          <main className="page"><p className="notice">没有这个页面。<a href="/">返回总览</a></p></main>
        </Route>
      </Switch>
    </PeriodsContext.Provider>
  );
}
