import type { MetricRow, Totals } from '../contract/metric-row.ts';
import type { Region } from '../contract/region.ts';
import { timeProgress, type Period } from './period.ts';

/** What the database hands the engine for one region and period. */
export interface RegionFigures {
  region: Pick<Region, 'code' | 'name' | 'level' | 'parentCode'> & { parentName: string | null };
  /** 目标任务: annual target of trainees */
  target: number;
  /** Annual fund budget in yuan: allocated plus reallocations received minus given, up to the period's end. */
  fundsBudget: number;
  ytd: Totals;
  month: Totals;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export type DerivedMetrics = Pick<
  MetricRow,
  'completionRatio' | 'fundsRatio' | 'avgSubsidy' | 'timeProgress' | 'lag' | 'monthCompletion' | 'catchUpPerMonth'
>;

/**
 * 追赶进度: the people a region must finish in each remaining month to reach its annual target by December —
 * ⌈(target − trainees) / (12 − M)⌉ in whole numbers; 0 once the target is reached; null without a target, or in
 * December when no month is left.
 */
export function catchUpPerMonth(target: number, trainees: number, { month }: Period): number | null {
  if (target <= 0) return null;
  const short = Math.max(0, target - trainees);
  if (short === 0) return 0;
  const left = 12 - month;
  return left > 0 ? Math.ceil(short / left) : null;
}

/**
 * The derived values of the metric contract, exact: ranking compares them and the display model rounds them, once,
 * for whatever shows them — never the engine.
 */
export function deriveMetrics(figures: RegionFigures, period: Period): DerivedMetrics {
  const completionRatio = ratio(figures.ytd.trainees, figures.target);
  const progress = timeProgress(period);
  return {
    completionRatio,
    fundsRatio: ratio(figures.ytd.fundsAudited, figures.fundsBudget),
    avgSubsidy: ratio(figures.ytd.fundsAudited, figures.ytd.subsidised),
    timeProgress: progress,
    lag: completionRatio === null ? null : completionRatio - progress,
    // The month's own pace: its trainees against a twelfth of the annual target.
    monthCompletion: ratio(figures.month.trainees * 12, figures.target),
    catchUpPerMonth: catchUpPerMonth(figures.target, figures.ytd.trainees, period),
  };
}

/** Where a row stands among its peers, this month and against the last. */
export interface Standing {
  rank: number;
  rankChange: number | null;
  monthRank: number;
  completionChange: number | null;
}

export function toMetricRow(figures: RegionFigures, derived: DerivedMetrics, standing: Standing): MetricRow {
  const { region, ytd, month } = figures;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    parentName: region.parentName,
    target: figures.target,
    fundsBudget: figures.fundsBudget,
    ...ytd,
    ...derived,
    ...standing,
    month: {
      classesOpened: month.classesOpened,
      classesFinished: month.classesFinished,
      trainees: month.trainees,
      fundsAudited: month.fundsAudited,
    },
  };
}
