import type { MetricRow, Totals } from '../contract/metric-row.ts';
import type { Region } from '../contract/region.ts';
import { timeProgress, type Period } from './period.ts';

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

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export type DerivedMetrics = Pick<MetricRow, 'completionRatio' | 'fundsRatio' | 'avgSubsidy' | 'timeProgress' | 'lag'>;

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
  };
}

export function toMetricRow(figures: RegionFigures, derived: DerivedMetrics, rank: number, rankChange: number | null): MetricRow {
  const { region, ytd, month } = figures;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parentCode,
    target: figures.target,
    fundsBudget: figures.fundsBudget,
    ...ytd,
    ...derived,
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
