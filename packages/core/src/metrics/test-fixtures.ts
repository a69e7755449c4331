import type { Totals } from '../contract/metric-row.ts';
import type { RegionFigures } from './metrics.ts';

/** Tiny builder for engine inputs in tests: only what a test cares about is spelled out. */
export function figures(
  code: string,
  options: { target?: number; fundsBudget?: number; ytd?: Partial<Totals>; month?: Partial<Totals> } = {},
): RegionFigures {
  const zero: Totals = { classesOpened: 0, classesFinished: 0, trainees: 0, subsidised: 0, fundsAudited: 0 };
  return {
    region: { code, name: `地区${code}`, level: 'city', parentCode: '430000', parentName: '湖南省' },
    target: options.target ?? 1000,
    fundsBudget: options.fundsBudget ?? 1_000_000,
    ytd: { ...zero, ...options.ytd },
    month: { ...zero, ...options.month },
  };
}
