import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import { confirmLeave } from './use-leave-warning.ts';

/**
 * One query-string parameter as state: links open exactly what was on screen. Setting null removes it. A change is
 * asked about first while a form on the page has unsaved text (confirmLeave): the new month or scope would drop it.
 */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) => {
      if (!confirmLeave()) return;
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      });
    },
    [name, setParams],
  );
  return [params.get(name), set];
}
