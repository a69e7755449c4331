import { DemoBanner } from './components/DemoBanner.tsx';
import { usePeriodsQuery } from './hooks/use-periods-query.ts';
import { CityRankingPage } from './pages/CityRankingPage.tsx';

export function App() {
  const periods = usePeriodsQuery();
  return (
    <>
      <header className="top-bar">
        <span className="brand">技能提升行动月调度平台</span>
        <span className="muted">湖南省人力资源和社会保障厅</span>
      </header>
      {periods.data?.demo && <DemoBanner />}
      {periods.isPending && <p className="loading page" role="status">正在加载…</p>}
      {periods.isError && (
        <p className="error page" role="alert">无法加载数据：{periods.error.message}</p>
      )}
      {periods.data && periods.data.latest === null && <p className="notice page">暂无数据：请先导入月度数据。</p>}
      {periods.data?.latest && <CityRankingPage periods={periods.data.periods} latest={periods.data.latest} />}
    </>
  );
}
