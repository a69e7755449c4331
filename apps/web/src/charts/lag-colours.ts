import type { LagLevel } from '@dispatch/core';

/** One colour per lag level, the same on the bars, the maps and beside the tags: blue ahead, yellow behind, red far behind. */
export const LAG_COLOURS: Record<LagLevel, string> = {
  ahead: '#2f6fb3',
  behind: '#e0a400',
  'far-behind': '#c8372d',
  none: '#9aa3ad',
};
