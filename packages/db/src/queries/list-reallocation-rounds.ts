import type { ReallocationRound } from '@dispatch/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

interface LineRow {
  round: number;
  code: string;
  name: string;
  level: 'city' | 'county';
  parent_code: string | null;
  parent_name: string | null;
  amount: number;
}

interface RoundRow {
  round: number;
  reallocated_on: string;
  document_number: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/**
 * Every reallocation round, newest first, with each region's net line (received − given, the provincial pool left
 * out), its totals and how many regions, cities and counties it touched (a county counts for its city too).
 * Revoked rounds are listed with who revoked them and why.
 */
export async function listReallocationRounds(db: Db): Promise<ReallocationRound[]> {
  const rounds = await db.all<RoundRow>(sql`
    SELECT r.round, r.reallocated_on, r.document_number, r.note, recorder.display_name AS recorded_by, r.recorded_at,
           r.revoked_at, revoker.display_name AS revoked_by, r.revoke_reason
      FROM reallocation_rounds r
      LEFT JOIN users recorder ON recorder.id = r.recorded_by
      LEFT JOIN users revoker ON revoker.id = r.revoked_by
     ORDER BY r.round DESC`);
  const lines = await db.all<LineRow>(sql`
    SELECT m.round, region.code, region.name, region.level, region.parent_code, parent.name AS parent_name, SUM(m.amount) AS amount
      FROM (SELECT round, to_code AS code, amount FROM fund_reallocations
            UNION ALL SELECT round, from_code, -amount FROM fund_reallocations) m
      JOIN regions region ON region.code = m.code AND region.level <> 'province'
      LEFT JOIN regions parent ON parent.code = region.parent_code
     GROUP BY m.round, region.code
    HAVING SUM(m.amount) <> 0
     ORDER BY m.round, SUM(m.amount) DESC, region.code`);
  return rounds.map((r) => {
    const own = lines.filter((line) => line.round === r.round);
    const received = own.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0);
    const given = own.filter((l) => l.amount < 0).reduce((s, l) => s - l.amount, 0);
    const cities = new Set(own.map((l) => (l.level === 'county' ? l.parent_code : l.code)));
    return {
      round: r.round, date: r.reallocated_on, documentNumber: r.document_number, note: r.note, recordedBy: r.recorded_by,
      recordedAt: r.recorded_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by, revokeReason: r.revoke_reason,
      received, given, net: received - given, regions: own.length, cities: cities.size, counties: own.filter((l) => l.level === 'county').length,
      lines: own.map((l) => ({ regionCode: l.code, regionName: l.name, level: l.level, parentCode: l.parent_code, parentName: l.parent_name, amount: Number(l.amount) })),
    };
  });
}
