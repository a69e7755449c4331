import { monthWindow, periodWindow, type ClassBasis, type ClassList, type ClassScope, type Period, type RegionLevel } from '@dispatch/core';
import type { Db } from '../client.ts';

export interface ClassesQuery {
  region: { code: string; level: RegionLevel };
  period: Period;
  basis: ClassBasis;
  /** year to date, or the period's month alone */
  scope: ClassScope;
  /** part of an institution's or occupation's name, or of a class number */
  search?: string;
  page: number;
  pageSize: number;
}

const BASIS_FILTER: Record<ClassBasis, string> = {
  finished: 'c.finished_on BETWEEN :from AND :to',
  opened: 'c.opened_on BETWEEN :from AND :to',
  audited: 'COALESCE(au.amount, 0) > 0',
};

const BASIS_ORDER: Record<ClassBasis, string> = {
  finished: 'c.finished_on DESC',
  opened: 'c.opened_on DESC',
  audited: 'au.last_audit DESC',
};

/**
 * A class as it stood at the window's end: one finished later was still running then (在训), with nobody completed
 * yet — so a list for May never shows June's results, however late it is asked for.
 */
const AS_OF_END = {
  finishedOn: 'CASE WHEN c.finished_on <= :to THEN c.finished_on END',
  completed: 'CASE WHEN c.finished_on <= :to THEN c.completed ELSE 0 END',
  subsidised: 'CASE WHEN c.finished_on <= :to THEN c.subsidised ELSE 0 END',
};

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function fromClause(basis: ClassBasis, searching: boolean): string {
  return `
    FROM training_classes c
    JOIN regions r ON r.code = c.region_code
    JOIN institutions i ON i.id = c.institution_id
    JOIN occupations o ON o.id = c.occupation_id
    JOIN training_types t ON t.id = c.training_type_id
    LEFT JOIN (SELECT class_id, SUM(amount) AS amount, MAX(audited_on) AS last_audit FROM fund_audits
                WHERE status = 'approved' AND audited_on BETWEEN :from AND :to GROUP BY class_id) au ON au.class_id = c.id
   WHERE (:level = 'province' OR c.region_code = :code OR r.parent_code = :code)
     AND ${BASIS_FILTER[basis]}
     ${searching ? "AND (i.name LIKE :q ESCAPE '\\' OR o.name LIKE :q ESCAPE '\\' OR c.class_no LIKE :q ESCAPE '\\')" : ''}`;
}

/** One page of a region's classes behind a dashboard number, newest first, with totals over all of them. */
export async function getRegionClasses(db: Db, query: ClassesQuery): Promise<Pick<ClassList, 'total' | 'totals' | 'rows'>> {
  const { from, to } = query.scope === 'ytd' ? periodWindow(query.period) : monthWindow(query.period);
  const searching = Boolean(query.search);
  const args = {
    from, to, code: query.region.code, level: query.region.level,
    ...(searching ? { q: likePattern(query.search!) } : {}),
  };
  const from_ = fromClause(query.basis, searching);
  const [summary, page] = await Promise.all([
    db.$client.execute({
      sql: `SELECT COUNT(*) AS total, COALESCE(SUM(${AS_OF_END.completed}), 0) AS completed,
                   COALESCE(SUM(${AS_OF_END.subsidised}), 0) AS subsidised, COALESCE(SUM(au.amount), 0) AS funds ${from_}`,
      args,
    }),
    db.$client.execute({
      sql: `SELECT c.class_no, c.region_code, r.name AS region_name, i.name AS institution, o.name AS occupation,
                   t.name AS training_type, c.opened_on, ${AS_OF_END.finishedOn} AS finished_on, c.enrolled,
                   ${AS_OF_END.completed} AS completed, ${AS_OF_END.subsidised} AS subsidised,
                   c.subsidy_standard, COALESCE(au.amount, 0) AS funds
              ${from_}
             ORDER BY ${BASIS_ORDER[query.basis]}, c.class_no
             LIMIT :limit OFFSET :offset`,
      args: { ...args, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    }),
  ]);
  const s = summary.rows[0]!;
  return {
    total: Number(s.total),
    totals: { completed: Number(s.completed), subsidised: Number(s.subsidised), fundsAudited: Number(s.funds) },
    rows: page.rows.map((row) => ({
      classNo: String(row.class_no),
      regionCode: String(row.region_code),
      regionName: String(row.region_name),
      institution: String(row.institution),
      occupation: String(row.occupation),
      trainingType: String(row.training_type),
      openedOn: String(row.opened_on),
      finishedOn: row.finished_on === null ? null : String(row.finished_on),
      enrolled: Number(row.enrolled),
      completed: Number(row.completed),
      subsidised: Number(row.subsidised),
      subsidyStandard: Number(row.subsidy_standard),
      fundsAudited: Number(row.funds),
    })),
  };
}
