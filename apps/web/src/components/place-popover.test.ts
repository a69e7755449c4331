import { expect, test } from 'vitest';
import { placePopover } from './place-popover.ts';

const viewport = { width: 1366, height: 768 };
const panel = { width: 360, height: 180 };

test.each([
  // badge (top, bottom, left), placement: under it, left edges aligned, the room below as the limit
  ['room below', { top: 300, bottom: 318, left: 400 }, { top: 322, left: 400, maxHeight: 768 - 8 - 322 }],
  // 郴州's badge near the bottom of the screen: above it, its bottom 4 px over the badge
  ['no room below', { top: 665, bottom: 683, left: 150 }, { top: 665 - 4 - 180, left: 150, maxHeight: 665 - 4 - 8 }],
  // a badge near the right edge: the panel pushed in to end 8 px from it
  ['near the right edge', { top: 300, bottom: 318, left: 1300 }, { top: 322, left: 1366 - 8 - 360, maxHeight: 768 - 8 - 322 }],
  // a badge scrolled half out at the left
  ['past the left edge', { top: 300, bottom: 318, left: -20 }, { top: 322, left: 8, maxHeight: 768 - 8 - 322 }],
])('%s', (_, anchor, expected) => {
  expect(placePopover(anchor, panel, viewport)).toEqual(expected);
});

test('a panel taller than either side fills the viewport’s height but its margins, scrolling inside', () => {
  const placed = placePopover({ top: 380, bottom: 398, left: 10 }, { width: 360, height: 900 }, viewport);
  expect(placed).toEqual({ top: 8, left: 10, maxHeight: 768 - 16 });
});

test('a panel wider than a phone’s screen starts at its left margin', () => {
  expect(placePopover({ top: 100, bottom: 118, left: 200 }, { width: 400, height: 100 }, { width: 390, height: 844 }).left).toBe(8);
});
