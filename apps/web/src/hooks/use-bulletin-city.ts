import { useAccess } from '../auth/signed-in.ts';
import { useRegionsQuery } from './use-regions-query.ts';
import { useSearchParam } from './use-search-param.ts';

/** `?city=` for the whole province's bulletin, when the person's own city is the default. */
const PROVINCE = 'all';

/**
 * Which bulletin the page shows, kept in the address: `?city=CODE` a city's extract, `?city=all` the province's.
 * Without it, a city's or a county's people see their city's extract (本市摘编), the province's posts the bulletin.
 * `unknown`: a `?city=` that is not one of the 14 cities, shown instead as without it.
 */
export function useBulletinCity() {
  const { home } = useAccess();
  const regions = useRegionsQuery().data;
  const cities = (regions ?? []).filter((r) => r.level === 'city');
  const [requested, setRequested] = useSearchParam('city');
  const own = home?.level === 'city' ? home.code : home?.level === 'county' ? home.parentCode : null;
  const known = cities.some((c) => c.code === requested) ? requested : null;
  const city = requested === PROVINCE ? null : known ?? own;
  const setCity = (next: string | null) => setRequested(next === own ? null : next ?? (own ? PROVINCE : null));
  // `?city=` that names no city (abc, a county's code) is said, as a bad period is, not silently ignored
  const unknown = regions && requested && requested !== PROVINCE && !known ? requested : null;
  return { city, own, cities, setCity, unknown };
}
