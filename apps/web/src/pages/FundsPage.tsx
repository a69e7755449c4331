import { formatPeriodLabel } from '@dispatch/core';
import { useAccess } from '../auth/signed-in.ts';
import { FundsTable } from '../components/FundsTable.tsx';
import { RankingScopePicker } from '../components/RankingScopePicker.tsx';
import { RoundsList } from '../components/RoundsList.tsx';
import { Status } from '../components/Status.tsx';
import { SuggestionTool } from '../components/SuggestionTool.tsx';
import { useFundSort } from '../hooks/use-fund-sort.ts';
import { useFundsQuery } from '../hooks/use-funds-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useRankingScope } from '../hooks/use-ranking-scope.ts';
import { useReallocationsQuery } from '../hooks/use-reallocations-query.ts';

/** 资金: each region's budget, spending and gap; the province's reallocation tool; the rounds so far. */
export function FundsPage() {
  const { period } = usePeriod();
  const scope = useRankingScope();
  const funds = useFundsQuery({ period, level: scope.level, parent: scope.city?.code });
  const { sort, sorted, setSort } = useFundSort(funds.data?.rows);
  const rounds = useReallocationsQuery();
  const manage = useAccess().can('manage:funds');
  const where = scope.level === 'city' ? '各市州' : scope.city ? `${scope.city.name}各县市区` : '各县市区';
  const title = `${formatPeriodLabel(period)}${where}资金结余与缺口`;
  usePageTitle(title);
  return (
    <main className="page funds-page">
      <h1>{title}</h1>
      <RankingScopePicker scope={scope} />
      <section className="card">
        <Status query={funds} empty={sorted?.length === 0 && '没有地区'}>
          {sorted && (
            <FundsTable rows={sorted} withCity={scope.level === 'county' && !scope.city} sort={sort} onSort={setSort}
              caption="预算含截至期末的调剂；结余 = 预算 − 已审核；预计需求 = 剩余目标 × 已结业人均资金（尚无结业或审核的地区按全省的）；缺口 = 预计需求超出结余的部分。手机上只列结余与缺口，其余各列请在电脑上查看。" />
          )}
        </Status>
      </section>
      {manage && (
        <section className="card">
          <h2>调剂建议 <small className="muted">按{formatPeriodLabel(period)}数据测算，县市区之间</small></h2>
          <SuggestionTool period={period} cityNames={new Map(scope.cities.map((c) => [c.code, c.name]))} />
        </section>
      )}
      <section className="card">
        <h2>调剂轮次</h2>
        <Status query={rounds} empty={rounds.data?.rounds.length === 0 && '尚无调剂'}>
          {rounds.data && <RoundsList rounds={rounds.data.rounds} canRevoke={manage} />}
        </Status>
      </section>
    </main>
  );
}
