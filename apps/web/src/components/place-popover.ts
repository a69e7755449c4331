/** A box on screen, in CSS pixels from the viewport's top left (as getBoundingClientRect gives it). */
export interface ScreenBox {
  top: number;
  bottom: number;
  left: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** the panel scrolls inside this height when it is taller */
  maxHeight: number;
}

/** Room kept free at the viewport's edges, and between the badge and its panel (px). */
const MARGIN = 8;
const GAP = 4;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/**
 * Where a panel opened from a badge goes, wholly inside the viewport: under the badge, its left edge at the
 * badge's and pushed in from the right edge; above the badge when only there is room; when neither side has
 * room, as high as the viewport lets it, scrolling inside.
 */
export function placePopover(anchor: ScreenBox, panel: Size, viewport: Size): Placement {
  const left = clamp(anchor.left, MARGIN, viewport.width - MARGIN - panel.width);
  const below = viewport.height - MARGIN - (anchor.bottom + GAP);
  const above = anchor.top - GAP - MARGIN;
  if (panel.height <= below) return { top: anchor.bottom + GAP, left: Math.max(MARGIN, left), maxHeight: below };
  if (panel.height <= above) return { top: anchor.top - GAP - panel.height, left: Math.max(MARGIN, left), maxHeight: above };
  const maxHeight = viewport.height - 2 * MARGIN;
  return { top: viewport.height - MARGIN - Math.min(panel.height, maxHeight), left: Math.max(MARGIN, left), maxHeight };
}
