import { useEffect } from 'react';

/** The question of the page that has unsaved work now, if any (one page at a time has a form open). */
let pending: string | null = null;

/**
 * Whether what is on screen may be replaced: true when nothing unsaved is open, else the person's answer to the
 * page's question. Asked by whatever changes the screen without a link: the month and scope pickers set the address's
 * query (useSearchParam), which would remount the form and drop its text.
 */
export function confirmLeave(): boolean {
  return pending === null || window.confirm(pending);
}

/** The mark of the history entry pushed while a form is dirty, so that the browser's Back lands on it first. */
const GUARD = 'dispatchLeaveGuard';
/** The dirty forms now guarding (0 or 1; React's development double mount briefly makes it 0 then 1 again). */
let guarding = 0;
const onGuard = () => (window.history.state as Record<string, unknown> | null)?.[GUARD] === true;

/**
 * While `dirty`, leaving the page is questioned: the browser's own prompt when the tab closes or reloads, a
 * confirm() before a click on a link inside the app takes the person elsewhere, before a picker changes the
 * address's query (confirmLeave), and on the browser's Back: an entry of the same address is pushed, so that Back
 * first returns to this very page (the router sees no change), then asks — to leave goes back once more, to stay
 * pushes the entry again.
 */
export function useLeaveWarning(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('download') !== null || link.getAttribute('target') === '_blank') return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    const guard = () => window.history.pushState({ ...(window.history.state as object | null), [GUARD]: true }, '', window.location.href);
    const onPopState = () => {
      if (onGuard()) return; // forward again onto the guard
      if (window.confirm(message)) {
        window.removeEventListener('popstate', onPopState);
        window.history.back();
      } else guard();
    };
    pending = message;
    guarding++;
    if (!onGuard()) guard();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick, true);
    return () => {
      if (pending === message) pending = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick, true);
      // saved or given up, still on the page: the guard entry goes (Back then leaves at once) — after this turn,
      // unless the form guards again at once (a remount)
      guarding--;
      setTimeout(() => {
        if (guarding === 0 && onGuard()) window.history.back();
      }, 0);
    };
  }, [dirty, message]);
}
