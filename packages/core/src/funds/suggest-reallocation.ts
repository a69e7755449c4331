import type { MetricRow } from '../contract/metric-row.ts';
import { formatMoney, formatPercent } from '../display/numbers.ts';
import { fundPosition, spendsSlowly, type FundPosition } from './fund-position.ts';

/** Suggestions move whole 万元: what a 文件 allocates, and what officials adjust by. */
export const SUGGESTION_UNIT = 10_000;

export interface SuggestionInput {
  /** the regions to move money between (usually the 122 counties' rows for the period) */
  rows: readonly MetricRow[];
  /** the province's row for the same period: the fallback price of the rest of a target */
  province?: Pick<MetricRow, 'trainees' | 'fundsAudited'>;
  /** the most to move, yuan (rounded down to whole 万元) */
  total: number;
  /** first match donors and receivers of the same city, then across cities */
  withinCity: boolean;
}

/** One move of the suggestion: from a donor to a receiver. */
export interface SuggestedMove {
  fromCode: string;
  toCode: string;
  amount: number;
}

/** One region's line: + received, − given, whole 万元 in yuan; the reason in a Chinese sentence. */
export interface SuggestedLine {
  regionCode: string;
  regionName: string;
  parentCode: string | null;
  amount: number;
  reason: string;
}

interface Party {
  row: MetricRow;
  position: FundPosition;
  /** what it may still take (receiver) or give (donor), whole 万元 */
  room: number;
}

/** Whole 万元 at most `yuan`: what a donor can give, and the most a round moves. */
const wholeUnits = (yuan: number) => Math.floor(Math.max(0, yuan) / SUGGESTION_UNIT) * SUGGESTION_UNIT;
/** Whole 万元 at least `yuan`: what a receiver asks for, so that its gap is covered in full when it is served. */
const unitsCovering = (yuan: number) => Math.ceil(Math.max(0, yuan) / SUGGESTION_UNIT) * SUGGESTION_UNIT;
const byRoom = (a: Party, b: Party) => b.room - a.room || a.row.code.localeCompare(b.row.code);

/**
 * Greedy matching: each receiver in turn (largest remaining gap first) takes from the donors it may take from
 * (largest remaining surplus first) until it is covered, they are exhausted, or the total is spent.
 */
function match(receivers: Party[], donors: Party[], left: { total: number }, sameCity: boolean, moves: SuggestedMove[]) {
  for (const receiver of [...receivers].sort(byRoom)) {
    const candidates = donors.filter((d) => !sameCity || d.row.parentCode === receiver.row.parentCode).sort(byRoom);
    for (const donor of candidates) {
      const amount = Math.min(receiver.room, donor.room, left.total);
      if (amount <= 0) continue;
      moves.push({ fromCode: donor.row.code, toCode: receiver.row.code, amount });
      receiver.room -= amount;
      donor.room -= amount;
      left.total -= amount;
    }
  }
}

/**
 * 资金调剂建议: receivers are the regions with a fund gap; donors those with unspent budget beyond their projected
 * need (surplus) that also spend slower than the time line (`spendsSlowly`). Moves are whole 万元: a receiver asks
 * for its gap rounded up to whole 万元, so one served in full has no gap left (never more than that, so less than
 * 1万元 beyond its gap); a donor gives whole 万元 of its surplus rounded down (so it is never left below its projected
 * need); the moves never add up to more than `total` rounded down to whole 万元. Pure and deterministic: the
 * input's order does not matter.
 */
export function suggestReallocation(input: SuggestionInput): { lines: SuggestedLine[]; moves: SuggestedMove[] } {
  const parties = input.rows.map((row) => ({ row, position: fundPosition(row, input.province), room: 0 }));
  const receivers = parties.filter((p) => p.position.gap > 0).map((p) => ({ ...p, room: unitsCovering(p.position.gap) }));
  const donors = parties
    .filter((p) => p.position.surplus > 0 && spendsSlowly(p.row))
    .map((p) => ({ ...p, room: wholeUnits(p.position.surplus) }));
  const moves: SuggestedMove[] = [];
  const left = { total: wholeUnits(input.total) };
  if (input.withinCity) match(receivers, donors, left, true, moves);
  match(receivers, donors, left, false, moves);
  return { lines: linesOf(parties, moves, left.total === 0 ? 'total' : 'donors'), moves };
}

/** What ran out when a receiver is left short: the round's total, or the donors' surplus. */
type Shortage = 'total' | 'donors';

function linesOf(parties: readonly Party[], moves: readonly SuggestedMove[], shortage: Shortage): SuggestedLine[] {
  const byCode = new Map(parties.map((p) => [p.row.code, p]));
  const lines = parties.flatMap((party) => {
    const incoming = moves.filter((m) => m.toCode === party.row.code);
    const outgoing = moves.filter((m) => m.fromCode === party.row.code);
    const amount = incoming.reduce((s, m) => s + m.amount, 0) - outgoing.reduce((s, m) => s + m.amount, 0);
    if (amount === 0) return [];
    const reason = amount > 0 ? receiverReason(party, incoming, byCode, shortage) : donorReason(party, outgoing, byCode);
    return [{ regionCode: party.row.code, regionName: party.row.name, parentCode: party.row.parentCode, amount, reason }];
  });
  return lines.sort((a, b) => Math.sign(b.amount) - Math.sign(a.amount) || Math.abs(b.amount) - Math.abs(a.amount) || a.regionCode.localeCompare(b.regionCode));
}

/**
 * The moves of one line in words, grouped within the city and across: 「本市内由天心区调入 50万元、由雨花区调入 30万元，
 * 跨市由湘潭市湘潭县调入 20万元」 (调出: 「本市内调往芙蓉区 50万元」).
 */
function movesPhrase(party: Party, moves: readonly SuggestedMove[], byCode: ReadonlyMap<string, Party>, verb: '调入' | '调出'): string {
  const groups = { same: [] as string[], across: [] as string[] };
  for (const move of moves) {
    const other = byCode.get(verb === '调入' ? move.fromCode : move.toCode);
    const same = other?.row.parentCode === party.row.parentCode;
    const name = !other ? '' : same ? other.row.name : `${other.row.parentName ?? ''}${other.row.name}`;
    (same ? groups.same : groups.across).push(verb === '调入' ? `由${name}调入 ${formatMoney(move.amount)}` : `调往${name} ${formatMoney(move.amount)}`);
  }
  return [groups.same.length ? `本市内${groups.same.join('、')}` : '', groups.across.length ? `跨市${groups.across.join('、')}` : ''].filter(Boolean).join('，');
}

/** 「资金缺口 203.42万元，本市内由天心区调入 210万元，缺口补足」, or what is still missing and why when it was not. */
function receiverReason(party: Party, incoming: readonly SuggestedMove[], byCode: ReadonlyMap<string, Party>, shortage: Shortage): string {
  const { gap } = party.position;
  const rest = gap - incoming.reduce((s, m) => s + m.amount, 0);
  const why = shortage === 'total' ? '本轮调剂总额已用完' : '可调出资金已用完';
  return `资金缺口 ${formatMoney(gap)}，${movesPhrase(party, incoming, byCode, '调入')}${rest > 0 ? `；${why}，仍缺 ${formatMoney(rest)}` : '，缺口补足'}`;
}

function donorReason(party: Party, outgoing: readonly SuggestedMove[], byCode: ReadonlyMap<string, Party>): string {
  const { unspent, projectedNeed, surplus } = party.position;
  return (
    `结余 ${formatMoney(unspent)}，完成剩余目标预计需 ${formatMoney(projectedNeed)}，可调出 ${formatMoney(surplus)}；` +
    `资金执行率 ${formatPercent(party.row.fundsRatio)}，低于时序进度 ${formatPercent(party.row.timeProgress)}；${movesPhrase(party, outgoing, byCode, '调出')}`
  );
}
