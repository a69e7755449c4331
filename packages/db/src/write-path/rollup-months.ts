import type { InStatement } from '@libsql/client';

const before = (field: string) => `json_extract(d.before, '$.${field}')`;
/** the batch's logged updates of a table, as `d` */
const previous = (table: string) => `(SELECT natural_key, before FROM data_changes WHERE batch_id = ?1 AND table_name = '${table}' AND before IS NOT NULL) d`;
/** the class's rows whose date column falls in the touched month k */
const inMonth = (column: string) => `${column} BETWEEN k.ym || '-00' AND k.ym || '-99'`;

/** The staged classes' months (opening and finishing, with their regions) and how many of the classes changed. */
export interface StagedClassMonths {
  /** JSON of the distinct [region_code, 'YYYY-MM'] pairs of every staged class (ClassMonths) */
  months: string;
  changed: 'all' | 'some' | 'none';
  /** the months (as `months`) of each chunk whose classes were inserted without being staged */
  insertedMonths: readonly string[];
  /** the month (YYYY-MM) of the last opening, null for no class */
  lastOpened: string | null;
  /**
   * When every staged class was inserted and nothing else the rollup counts changed (no audit): the classes' own
   * figures per region-month (ClassMonths.figuresJson), added to the rollup's rows instead of rebuilding them.
   */
  added?: string;
}

/**
 * The distinct (region, month)s of the classes' openings and finishings, as a JSON parameter: found in JS from the
 * rows in hand, a few thousand pairs, rather than by SQLite reading back and sorting every staged row (twice: for
 * the arrivals and for the rollup). Added to chunk by chunk as a file is read (ClassStager). With each, the classes'
 * figures there as the rollup counts them: opened by the opening month; finished, their completed and subsidised
 * people by the finishing month.
 */
export class ClassMonths {
  /** per region, per month (YYYYMM, or a date's first seven characters when not YYYY-MM-…): opened, finished, trainees, subsidised */
  private readonly byRegion = new Map<string, Map<number | string, [number, number, number, number]>>();
  /** every date was YYYY-MM-…: the months are the rollup's */
  private dated = true;
  private lastOpening: string | null = null;

  add(classes: readonly { regionCode: string; openedOn: string; finishedOn: string | null; completed: number; subsidised: number }[]): void {
    for (const c of classes) {
      if (this.lastOpening === null || c.openedOn > this.lastOpening) this.lastOpening = c.openedOn;
      let months = this.byRegion.get(c.regionCode);
      if (!months) this.byRegion.set(c.regionCode, (months = new Map()));
      this.figures(months, monthOf(c.openedOn))[0]++;
      if (c.finishedOn !== null) {
        const finished = this.figures(months, monthOf(c.finishedOn));
        finished[1]++;
        finished[2] += c.completed;
        finished[3] += c.subsidised;
      }
    }
  }

  /** Adds another's classes (a chunk's) to these. */
  merge(other: ClassMonths): void {
    if (other.lastOpening !== null && (this.lastOpening === null || other.lastOpening > this.lastOpening)) this.lastOpening = other.lastOpening;
    for (const [regionCode, theirs] of other.byRegion) {
      let months = this.byRegion.get(regionCode);
      if (!months) this.byRegion.set(regionCode, (months = new Map()));
      for (const [month, [opened, finished, trainees, subsidised]] of theirs) {
        const figures = this.figures(months, month);
        figures[0] += opened;
        figures[1] += finished;
        figures[2] += trainees;
        figures[3] += subsidised;
      }
    }
  }

  private figures(months: Map<number | string, [number, number, number, number]>, month: number | string) {
    if (typeof month === 'string') this.dated = false;
    let figures = months.get(month);
    if (!figures) months.set(month, (figures = [0, 0, 0, 0]));
    return figures;
  }

  /** the last opening's month (its first seven characters, as SQL's substr), null for no class */
  lastOpened(): string | null {
    return this.lastOpening === null ? null : this.lastOpening.slice(0, 7);
  }

  /** the calendar years of the openings and finishings, in order (as rowYears) */
  years(): number[] {
    const years = new Set<number>();
    for (const months of this.byRegion.values()) for (const month of months.keys()) years.add(typeof month === 'number' ? Math.floor(month / 100) : Number(month.slice(0, 4)));
    return [...years].sort((a, b) => a - b);
  }

  /** JSON of the [region_code, 'YYYY-MM'] pairs */
  json(): string {
    return JSON.stringify(this.rows().map(([regionCode, month]) => [regionCode, month]));
  }

  /** JSON of [region_code, year, month, opened, finished, trainees, subsidised]; undefined if a date was not YYYY-MM-… */
  figuresJson(): string | undefined {
    if (!this.dated) return undefined;
    return JSON.stringify(this.rows().map(([regionCode, month, figures]) => [regionCode, Number(month.slice(0, 4)), Number(month.slice(5, 7)), ...figures]));
  }

  private rows(): [string, string, [number, number, number, number]][] {
    const rows: [string, string, [number, number, number, number]][] = [];
    for (const [regionCode, months] of this.byRegion) {
      for (const [month, figures] of months) {
        rows.push([regionCode, typeof month === 'string' ? month : `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`, figures]);
      }
    }
    return rows;
  }
}

const digit = (text: string, at: number) => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};

/**
 * A date's month as the number YYYYMM, read from its digits without making a string (a five-year file has a
 * quarter of a million dates); anything not in the form YYYY-MM… as its first seven characters, as SQL's substr.
 */
function monthOf(date: string): number | string {
  const month = digit(date, 0) * 100_000 + digit(date, 1) * 10_000 + digit(date, 2) * 1_000 + digit(date, 3) * 100 + digit(date, 5) * 10 + digit(date, 6);
  return Number.isNaN(month) || date.charCodeAt(4) !== 45 ? date.slice(0, 7) : month;
}

/**
 * The months of the classes that changed: when all did (a new file) the pairs found in JS, when none did (the same
 * file again) nothing, else those of the chunks inserted straight (found in JS) and of the staged classes inserted or
 * updated (read from the staging table).
 */
function changedClassMonths({ months, changed, insertedMonths }: StagedClassMonths): InStatement[] {
  if (changed === 'none') return [];
  const pairs = (json: string) => ({ sql: 'INSERT OR IGNORE INTO s_months (region_code, ym) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j', args: [json] });
  if (changed === 'all') return [pairs(months)];
  return [
    // the chunks inserted straight (their unchanged classes' months too, if any: a month rebuilt for nothing is still right)
    ...insertedMonths.map(pairs),
    `INSERT OR IGNORE INTO s_months (region_code, ym)
     SELECT region_code, substr(opened_on, 1, 7) FROM s_classes WHERE state <> 'n'
     UNION SELECT region_code, substr(finished_on, 1, 7) FROM s_classes WHERE state <> 'n' AND finished_on IS NOT NULL`,
  ];
}

/**
 * Statements that refresh region_month_rollup for the (region, month)s a write touches, read from its staging
 * tables after the upserts — not the whole history of every touched region. A month is touched by a class inserted
 * or updated (its opening and finishing months, new and previous), by an audit inserted or updated (its month, with
 * its class's region, new and previous), and for a class whose update may move its region, by each of its audits'
 * months in its previous and new region. Each touched month is rebuilt from the stored rows (the indexes on
 * region and date), so it is exactly what a full rebuild gives; the data version is bumped with it.
 */
export function refreshTouchedMonthsStatements(batchId: number, classes: StagedClassMonths): InStatement[] {
  const bump = { sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'", args: [] };
  if (classes.added !== undefined) {
    // only classes inserted: each touched month's row plus their figures is what a rebuild would give (a month with no
    // row had no class and no approved audit), without reading back every class of the touched months
    return [bump, {
      sql: `INSERT INTO region_month_rollup (region_code, year, month, classes_opened, classes_finished, trainees, subsidised, funds_audited)
            SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, 0 FROM json_each(?) j WHERE true
            ON CONFLICT (region_code, year, month) DO UPDATE SET classes_opened = classes_opened + excluded.classes_opened,
              classes_finished = classes_finished + excluded.classes_finished, trainees = trainees + excluded.trainees, subsidised = subsidised + excluded.subsidised`,
      args: [classes.added],
    }];
  }
  return [
    bump,
    'DROP TABLE IF EXISTS temp.s_months',
    'CREATE TEMP TABLE s_months (region_code TEXT, ym TEXT, PRIMARY KEY (region_code, ym)) WITHOUT ROWID',
    ...changedClassMonths(classes),
    {
      sql: `INSERT OR IGNORE INTO s_months (region_code, ym)
            SELECT r, m FROM (
              SELECT ${before('region_code')} AS r, substr(${before('opened_on')}, 1, 7) AS m FROM ${previous('training_classes')}
              UNION SELECT ${before('region_code')}, substr(${before('finished_on')}, 1, 7) FROM ${previous('training_classes')} WHERE ${before('finished_on')} IS NOT NULL
              UNION SELECT c.region_code, substr(a.audited_on, 1, 7) FROM s_audits a JOIN training_classes c ON c.id = a.class_id WHERE a.state <> 'n'
              UNION SELECT c.region_code, substr(${before('audited_on')}, 1, 7) FROM ${previous('fund_audits')} JOIN training_classes c ON c.id = ${before('class_id')}
              UNION SELECT s.region_code, substr(a.audited_on, 1, 7) FROM s_classes s JOIN fund_audits a ON a.class_id = s.id WHERE s.state = 'u'
              UNION SELECT ${before('region_code')}, substr(a.audited_on, 1, 7) FROM ${previous('training_classes')}
                JOIN training_classes c ON c.class_no = d.natural_key JOIN fund_audits a ON a.class_id = c.id
            ) WHERE r IS NOT NULL AND m IS NOT NULL`,
      args: [batchId],
    },
    `DELETE FROM region_month_rollup WHERE (region_code, printf('%04d-%02d', year, month)) IN (SELECT region_code, ym FROM s_months)`,
    `INSERT INTO region_month_rollup (region_code, year, month, classes_opened, classes_finished, trainees, subsidised, funds_audited)
     SELECT region_code, CAST(substr(ym, 1, 4) AS INTEGER), CAST(substr(ym, 6, 2) AS INTEGER), SUM(opened), SUM(finished), SUM(trainees), SUM(subsidised), SUM(funds)
     FROM (
       SELECT k.region_code, k.ym, COUNT(*) AS opened, 0 AS finished, 0 AS trainees, 0 AS subsidised, 0 AS funds
         FROM s_months k JOIN training_classes c ON c.region_code = k.region_code AND ${inMonth('c.opened_on')}
        GROUP BY k.region_code, k.ym
       UNION ALL
       SELECT k.region_code, k.ym, 0, COUNT(*), SUM(c.completed), SUM(c.subsidised), 0
         FROM s_months k JOIN training_classes c ON c.region_code = k.region_code AND ${inMonth('c.finished_on')}
        GROUP BY k.region_code, k.ym
       UNION ALL
       -- CROSS JOIN keeps the audits first: those in the touched months' dates, each with its class, rather than every
       -- class of every touched region with a look-up of its audits
       SELECT c.region_code, substr(a.audited_on, 1, 7), 0, 0, 0, 0, a.amount
         FROM fund_audits a CROSS JOIN training_classes c ON c.id = a.class_id
        WHERE a.status = 'approved'
          AND a.audited_on BETWEEN (SELECT MIN(ym) FROM s_months) || '-00' AND (SELECT MAX(ym) FROM s_months) || '-99'
          AND (c.region_code, substr(a.audited_on, 1, 7)) IN (SELECT region_code, ym FROM s_months)
     )
     GROUP BY region_code, ym`,
    'DROP TABLE temp.s_months',
  ];
}
