import { useSearchParams } from 'wouter';

type Order = 'asc' | 'desc';

/**
 * A table's sort in the address (`?sort=<key>&order=asc|desc`), shared by every sortable table: a key not among
 * `keys` falls back to `fallback`, a missing or unknown order to the key's own default direction.
 */
export function useSortParams<K extends string>(keys: readonly K[], fallback: K, defaultOrder: (key: K) => Order) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('sort');
  const key = asked !== null && (keys as readonly string[]).includes(asked) ? (asked as K) : fallback;
  const order = params.get('order');
  const sort = { key, order: order === 'asc' || order === 'desc' ? order : defaultOrder(key) };
  const setSort = (next: { key: K; order: Order }) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('sort', next.key);
      updated.set('order', next.order);
      return updated;
    });
  return { sort, setSort };
}
