import type { Region } from './regions.ts';
import { timeProgress, type Period } from './period.ts';

/** Additive figures for one region over a window; every one of them sums from counties to cities to province. */
export interface Totals {
  /** 开班数 */
  classesOpened: number;
  /** 结课数 */
  classesFinished: number;
  /** 培训人次: people who completed training in classes finished in the window */
  trainees: number;
  /** 补贴人数: of those, the people paid from the special account */
  subsidised: number;
  /** 资金审核数, yuan */
  fundsAudited: number;
}

/** What the database hands the engine for one region and period. */
export interface RegionFigures {
  region: Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>;
  /** 目标任务: annual target of trainees */
  target: number;
  /** Annual fund budget in yuan: allocated plus reallocations received minus given, up to the period's end. */
  fundsBudget: number;
  ytd: Totals;
  month: Totals;
}

export type MonthValues = Pick<Totals, 'classesOpened' | 'classesFinished' | 'trainees' | 'fundsAudited'>;

/** One row of the metric contract shared by every screen, export, the bulletin and the API. */
export interface MetricRow extends Totals {
  code: string;
  name: string;
  level: Region['level'];
  parentCode: string | null;
  target: number;
  fundsBudget: number;
  /** 人均补贴 = fundsAudited / subsidised, yuan; null when nobody was subsidised */
  avgSubsidy: number | null;
  /** 完成比例 = trainees / target; null when the target is zero */
  completionRatio: number | null;
  /** 资金执行率 = fundsAudited / fundsBudget; null when the budget is zero */
  fundsRatio: number | null;
  /** 时序进度 */
  timeProgress: number;
  /** completionRatio − timeProgress; below zero is behind the time line */
  lag: number | null;
  /** 1 is best, among the peers the rows were ranked with */
  rank: number;
  /** Places gained since the previous month (positive = moved up); null in January or for a new region */
  rankChange: number | null;
  month: MonthValues;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Ratios leave the engine as plain decimals with four places (0.4167), money with two. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function roundOrNull(value: number | null, places: number): number | null {
  return value === null ? null : roundTo(value, places);
}

export interface DerivedMetrics {
  completionRatio: number | null;
  fundsRatio: number | null;
  avgSubsidy: number | null;
  timeProgress: number;
  lag: number | null;
}

/** Unrounded derived values: ranking uses these so that rounding never decides an order. */
export function deriveMetrics(figures: RegionFigures, period: Period): DerivedMetrics {
  const completionRatio = ratio(figures.ytd.trainees, figures.target);
  const progress = timeProgress(period);
  return {
    completionRatio,
    fundsRatio: ratio(figures.ytd.fundsAudited, figures.fundsBudget),
    avgSubsidy: ratio(figures.ytd.fundsAudited, figures.ytd.subsidised),
    timeProgress: progress,
    lag: completionRatio === null ? null : completionRatio - progress,
  };
}

export function toMetricRow(
  figures: RegionFigures,
  derived: DerivedMetrics,
  rank: number,
  rankChange: number | null,
): MetricRow {
  const { region, ytd, month } = figures;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    target: figures.target,
    fundsBudget: figures.fundsBudget,
    ...ytd,
    avgSubsidy: roundOrNull(derived.avgSubsidy, 2),
    completionRatio: roundOrNull(derived.completionRatio, 4),
    fundsRatio: roundOrNull(derived.fundsRatio, 4),
    timeProgress: roundTo(derived.timeProgress, 4),
    lag: roundOrNull(derived.lag, 4),
    rank,
    rankChange,
    month: {
      classesOpened: month.classesOpened,
      classesFinished: month.classesFinished,
      trainees: month.trainees,
      fundsAudited: month.fundsAudited,
    },
  };
}

export function emptyTotals(): Totals {
  return { classesOpened: 0, classesFinished: 0, trainees: 0, subsidised: 0, fundsAudited: 0 };
}

export function addTotals(a: Totals, b: Totals): Totals {
  return {
    classesOpened: a.classesOpened + b.classesOpened,
    classesFinished: a.classesFinished + b.classesFinished,
    trainees: a.trainees + b.trainees,
    subsidised: a.subsidised + b.subsidised,
    fundsAudited: a.fundsAudited + b.fundsAudited,
  };
}
