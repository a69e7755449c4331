/*
 * The refusals of the one write path for data. Each is a typed domain error with a Chinese message; the API maps
 * them to HTTP answers (out of scope, unknown references and a closed month: 422; a refused revert: 409).
 */

/** Which kind of row, its position in that kind's list (0-based, in the order given), its key and region. */
export interface RefusedRow {
  kind: 'classes' | 'audits' | 'targets' | 'allocations';
  index: number;
  key: string;
  regionCode: string | null;
}

export class DataWriteError extends Error {
  constructor(
    readonly code: 'out-of-scope' | 'closed-period' | 'unknown-reference' | 'duplicate-key' | 'revert-refused' | 'already-filled' | 'stale-data',
    message: string,
  ) {
    super(message);
  }
}

/** A row whose region is not the importer's city or one of its counties. */
export class OutOfScopeError extends DataWriteError {
  constructor(readonly scope: string, readonly rows: readonly RefusedRow[]) {
    super('out-of-scope', `${rows.length} 行的地区不属于本市州（${scope}）及其县市区：${rows.slice(0, 5).map((r) => r.key).join('、')}${rows.length > 5 ? ' 等' : ''}`);
  }
}

/**
 * Why a closed month refuses a write: its own rows ('month'), a year's targets or allocations that feed every month
 * of the year ('annual'), a reallocation that counts from its date on in the year's budgets ('reallocation').
 */
export type ClosedReason = 'month' | 'annual' | 'reallocation';

const CLOSED_WORDS: Record<ClosedReason, string> = {
  month: '已关账，不能再改动该月数据；如需更正请管理员先重新开账',
  annual: '已关账：目标任务和资金分配影响全年各月，请管理员先重新开账',
  reallocation: '已关账：资金调剂计入其日期起当年各月的预算，不能再登记或撤销日期在关账月份及之前的调剂，请管理员先重新开账',
};

/** A write that would change the figures of a closed month (关账). */
export class ClosedPeriodError extends DataWriteError {
  /** 'YYYY-MM', first the earliest */
  constructor(readonly periods: readonly string[], readonly reason: ClosedReason = 'month') {
    super('closed-period', `${periods.map(monthName).join('、')}${CLOSED_WORDS[reason]}`);
  }
}

/** A class, audit's class or training type that names nothing known. */
export class UnknownReferenceError extends DataWriteError {
  constructor(readonly rows: readonly RefusedRow[], what: string) {
    super('unknown-reference', `${rows.length} 行引用了不存在的${what}：${rows.slice(0, 5).map((r) => r.key).join('、')}${rows.length > 5 ? ' 等' : ''}`);
  }
}

export class DuplicateKeyError extends DataWriteError {
  constructor(readonly rows: readonly RefusedRow[]) {
    super('duplicate-key', `同一批数据中编号重复：${rows.slice(0, 5).map((r) => r.key).join('、')}`);
  }
}

/** A revert that cannot be done: already reverted, a revert itself, or its rows changed again by a later batch. */
export class RevertRefusedError extends DataWriteError {
  constructor(message: string, readonly laterBatchId: number | null = null) {
    super('revert-refused', message);
  }
}

/** The demo loader's "only into an empty database", decided inside the write. */
export class DataAlreadyPresentError extends DataWriteError {
  constructor() {
    super('already-filled', '数据库中已有培训班数据');
  }
}

export class StaleDataError extends DataWriteError {
  constructor() {
    super('stale-data', '数据已在此期间变化（另一轮调剂或数据更新），请刷新后重新核对再登记');
  }
}

function monthName(period: string): string {
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}
