import { useCallback, useEffect, useState } from 'react';

/** A query-string parameter as state, so that a link opens exactly what was on screen. */
export function useUrlParam(name: string): [string | null, (value: string) => void] {
  const read = () => new URLSearchParams(window.location.search).get(name);
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onPop = () => setValue(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  });
  const update = useCallback(
    (next: string) => {
      const url = new URL(window.location.href);
      url.searchParams.set(name, next);
      window.history.pushState(null, '', url);
      setValue(next);
    },
    [name],
  );
  return [value, update];
}
