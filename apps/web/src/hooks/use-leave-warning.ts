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

/**
 * While `dirty`, leaving the page is questioned: the browser's own prompt when the tab closes or reloads, a
 * confirm() before a click on a link inside the app takes the person elsewhere, and before a picker changes the
 * address's query (confirmLeave).
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
    pending = message;
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      if (pending === message) pending = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
