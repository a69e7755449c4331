import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

/** One query-string parameter as state: links open exactly what was on screen. Setting null removes it. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      }),
    [name, setParams],
  );
  return [params.get(name), set];
}
