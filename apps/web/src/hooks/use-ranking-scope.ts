import type { Region } from '@dispatch/core';
import { useRegionsQuery } from './use-regions-query.ts';
import { useSearchParam } from './use-search-param.ts';

export interface RankingScopeState {
  level: 'city' | 'county';
  /** the city whose counties are listed, when one is chosen */
  city: Region | undefined;
  cities: Region[];
  setLevel(level: 'city' | 'county'): void;
  setCity(code: string | null): void;
}

/** Which ranking the address asks for: `?level=county&city=430200`; anything unknown falls back to the cities. */
export function useRankingScope(): RankingScopeState {
  const [levelParam, setLevelParam] = useSearchParam('level');
  const [cityParam, setCity] = useSearchParam('city');
  const cities = useRegionsQuery().data?.filter((r) => r.level === 'city') ?? [];
  const level = levelParam === 'county' ? 'county' : 'city';
  const city = level === 'county' ? cities.find((c) => c.code === cityParam) : undefined;
  const setLevel = (next: 'city' | 'county') => {
    if (next === 'city') setCity(null);
    setLevelParam(next);
  };
  return { level, city, cities, setLevel, setCity };
}
