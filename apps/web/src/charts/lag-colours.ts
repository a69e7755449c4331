import type { LagLevel } from '@dispatch/core';

/** One colour per distance from the time line, the same on the bars and the maps: blue ahead, yellow behind, red 10 points or more behind. */
export const LAG_COLOURS: Record<LagLevel, string> = {
  ahead: '#2f6fb3',
  behind: '#e0a400',
  'far-behind': '#c8372d',
  none: '#9aa3ad',
};
