import type { RankingScopeState } from '../hooks/use-ranking-scope.ts';

/** Cities or counties, and for counties optionally one city's. */
export function RankingScopePicker({ scope }: { scope: RankingScopeState }) {
  return (
    <div className="toolbar" role="group" aria-label="排名范围">
      <div className="tabs">
        <button type="button" aria-pressed={scope.level === 'city'} onClick={() => scope.setLevel('city')}>市州</button>
        <button type="button" aria-pressed={scope.level === 'county'} onClick={() => scope.setLevel('county')}>县市区</button>
      </div>
      {scope.level === 'county' && (
        <label>
          所属市州
          <select value={scope.city?.code ?? ''} onChange={(e) => scope.setCity(e.target.value || null)} aria-label="所属市州">
            <option value="">全省（122 个）</option>
            {scope.cities.map((c) => (
              <option key={c.code} value={c.code}>{c.shortName}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
