import type { MetricRow } from '../contract/metric-row.ts';
import { roundHalfAway } from '../display/round.ts';

/** Whose funds per person trained price the rest of a region's target. */
export type CostBasis = 'region' | 'province';

/** 资金测算: a region's money for the year so far, and what the rest of its target will cost. Whole yuan. */
export interface FundPosition {
  /** 预算: allocation ± reallocations dated up to the period's end */
  budget: number;
  /** 已审核 */
  audited: number;
  /** 结余 = budget − audited (below zero when more was audited than budgeted) */
  unspent: number;
  /** 剩余目标 (people) */
  remainingTarget: number;
  /** 已结业人均资金 used for the projection; null when neither the region nor the province has any yet */
  costPerTrainee: number | null;
  costBasis: CostBasis | null;
  /** 预计需求 = remainingTarget × costPerTrainee, rounded once to whole yuan */
  projectedNeed: number;
  /** 缺口 = max(0, projectedNeed − unspent) */
  gap: number;
  /** 可调出 = max(0, unspent − projectedNeed) */
  surplus: number;
}

/** Funds audited per person trained, when there is both something trained and something audited to go by. */
function costOf(row: Pick<MetricRow, 'trainees' | 'fundsAudited'> | undefined): number | null {
  return row && row.trainees > 0 && row.fundsAudited > 0 ? row.fundsAudited / row.trainees : null;
}

/**
 * The one fund calculation: the /funds table, the fund-gap alert and the reallocation suggestion all call it.
 *
 * The rest of the target is priced at the region's funds audited per person *trained* (fundsAudited ÷ trainees),
 * not at 人均补贴 per subsidised person: the target counts trainees, and not every trainee is paid from the special
 * account (about 0.9 of 1.39 million in 2020), so the per-subsidised rate would overstate every need by half.
 * A region with nothing trained or nothing audited yet is priced at the province's rate for the same period
 * (`province` row); with none there either, the need is 0 and `costBasis` null (nothing to go by).
 */
export function fundPosition(row: MetricRow, province?: Pick<MetricRow, 'trainees' | 'fundsAudited'>): FundPosition {
  const own = costOf(row);
  const provincial = own === null ? costOf(province) : null;
  const costPerTrainee = own ?? provincial;
  const remainingTarget = Math.max(0, row.target - row.trainees);
  const projectedNeed = costPerTrainee === null ? 0 : roundHalfAway(remainingTarget * costPerTrainee);
  const unspent = row.fundsBudget - row.fundsAudited;
  return {
    budget: row.fundsBudget,
    audited: row.fundsAudited,
    unspent,
    remainingTarget,
    costPerTrainee,
    costBasis: own !== null ? 'region' : provincial !== null ? 'province' : null,
    projectedNeed,
    gap: Math.max(0, projectedNeed - unspent),
    surplus: Math.max(0, unspent - projectedNeed),
  };
}

/**
 * 资金执行慢: money spent slower than time passes (funds ratio below the time line). Together with a surplus it
 * makes a donor: money that sits idle beyond what the rest of the target needs.
 */
export function spendsSlowly(row: Pick<MetricRow, 'fundsRatio' | 'timeProgress'>): boolean {
  return row.fundsRatio !== null && row.fundsRatio < row.timeProgress;
}
