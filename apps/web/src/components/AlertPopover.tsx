import { RULE_LABELS, type Alert } from '@dispatch/core';
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { placePopover } from './place-popover.ts';

/** Screens as narrow as the phone layout (styles.css) get a sheet across the bottom instead of a panel by the badge. */
const PHONE = '(max-width: 640px)';

interface Props {
  id: string;
  /** the badge that opened it: where it is placed, where focus goes back to */
  anchor: HTMLElement;
  alerts: readonly Alert[];
  onClose: () => void;
}

/** Puts the panel by its badge, measured at its natural height. */
function placeBy(anchor: Element, element: HTMLElement) {
  element.style.maxHeight = '';
  const { width, height } = element.getBoundingClientRect();
  const placed = placePopover(anchor.getBoundingClientRect(), { width, height }, { width: innerWidth, height: innerHeight });
  Object.assign(element.style, { top: `${placed.top}px`, left: `${placed.left}px`, maxHeight: `${placed.maxHeight}px`, visibility: 'visible' });
}

/** Whether any of the element is on screen: inside the viewport and inside every box that clips it (a table's scrolling box). */
function isShown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  let clip = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(parent);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    const r = parent.getBoundingClientRect();
    clip = { top: Math.max(clip.top, r.top), left: Math.max(clip.left, r.left), bottom: Math.min(clip.bottom, r.bottom), right: Math.min(clip.right, r.right) };
  }
  return box.bottom > clip.top && box.top < clip.bottom && box.right > clip.left && box.left < clip.right;
}

/**
 * A region's alerts, every rule's sentence, outside any scrolling box (in the page's body, fixed to the screen), so
 * a table's box, its sticky header or sticky names never cut or cover it: by the badge on an office screen, moved
 * into the screen where needed and following the badge as the page or the table scrolls; across the bottom of a
 * phone's screen. It closes on Escape, a tap or click elsewhere, and when its badge is scrolled out of sight, and
 * gives focus back to the badge when it had it.
 */
export function AlertPopover({ id, anchor, alerts, onClose }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const sheet = useRef(window.matchMedia(PHONE).matches).current;

  const close = (refocus: boolean) => {
    if (refocus || panel.current?.contains(document.activeElement)) anchor.focus({ preventScroll: true });
    onClose();
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  useLayoutEffect(() => {
    const element = panel.current!;
    if (!sheet) placeBy(anchor, element);
    element.focus({ preventScroll: true });
  }, [anchor, sheet]);

  useEffect(() => {
    const inside = (target: EventTarget | null) => target instanceof Node && (panel.current?.contains(target) || anchor.contains(target));
    // The phone's backdrop closes on its own click, so that the tap does not go on to a link under it.
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target) && !(event.target instanceof Element && event.target.closest('.alert-sheet-backdrop'))) closeRef.current(false);
    };
    // A scroll or a resize moves the badge: the panel follows it (once a frame), or closes when it is out of sight.
    let frame = 0;
    const onMove = (event: Event) => {
      if (sheet || frame || (event.target instanceof Node && panel.current?.contains(event.target))) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!panel.current) return;
        if (isShown(anchor)) placeBy(anchor, panel.current);
        else closeRef.current(false);
      });
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current(true);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [anchor, sheet]);

  // Tab goes from the panel to its close button; any other Tab leaves it, back to the badge where the page goes on.
  const onTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || (!event.shiftKey && event.target === panel.current)) return;
    event.preventDefault();
    close(true);
  };

  const [first] = alerts;
  return createPortal(
    <>
      {sheet && <div className="alert-sheet-backdrop" onClick={() => close(false)} />}
      <div
        ref={panel}
        id={id}
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={sheet ? 'alert-popover alert-sheet' : 'alert-popover'}
        style={sheet ? undefined : { visibility: 'hidden' }}
        onKeyDown={onTab}
      >
        <div className="alert-popover-head">
          <b id={titleId}>{first?.regionName}预警</b>
          <span className="muted">{alerts.length} 条</span>
          <button type="button" className="alert-popover-close" aria-label="关闭" onClick={() => close(true)}>×</button>
        </div>
        <ul>
          {alerts.map((a) => (
            <li key={a.rule} className={`alert-${a.severity}`}>
              <b>{RULE_LABELS[a.rule]}</b>：{a.message}
            </li>
          ))}
        </ul>
      </div>
    </>,
    document.body,
  );
}
