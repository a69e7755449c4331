import type { InStatement, InValue } from '@libsql/client';
import type { ClassImportRow } from '@dispatch/core';
import type { RefusedRow } from './errors.ts';
import { ClassMonths } from './rollup-months.ts';
import { JSON_CHUNK_ROWS, jsonInsertStatements } from './stage-rows.ts';

/*
 * The classes' staging, free of the database client: the write path runs it on the rows in hand, and an import
 * runs it in the worker thread that reads and checks the file (apps/api classesInWorker), so that the rows are
 * staged while the rest of the file is still being checked.
 */

export type StagedClass = ClassImportRow & { id?: number };

/** Ids of the names a class refers to; a training type by its code or name. */
export interface ClassReferenceIds {
  institutions: ReadonlyMap<string, number>;
  occupations: ReadonlyMap<string, number>;
  trainingTypes: ReadonlyMap<string, number>;
}

/** The references stored when the classes are staged, read inside the write transaction, and the next free ids. */
export interface KnownReferences extends ClassReferenceIds {
  nextInstitutionId: number;
  nextOccupationId: number;
}

/** A chunk of a batch's classes, staged by its statements as rows first … first + rows - 1 (their row_no). */
export interface StagedChunk {
  first: number;
  rows: number;
  statements: InStatement[];
  /** names stored nowhere yet that the chunk names first, with the ids its classes give them: the write path inserts
   *  them before the chunk's classes (an institution with the class's region and kind 'centre') */
  newInstitutions: { name: string; regionCode: string; id: number; index: number }[];
  newOccupations: { name: string; id: number; index: number }[];
  /** classes whose training type names none known (staged with null: refused) */
  unknownTrainingTypes: RefusedRow[];
}

/** What the write path needs of a batch's classes as a whole, once they are all staged. */
export interface StagedClassesSummary {
  count: number;
  /** JSON of the distinct [region_code, 'YYYY-MM'] pairs of the classes' openings and finishings (ClassMonths) */
  months: string;
  /** the classes' figures per region-month as the rollup counts them (ClassMonths.figuresJson) */
  figures?: string | undefined;
}

/**
 * A batch's classes staged chunk by chunk as they come (an import's, while the rest of its file is being checked):
 * the write path writes each chunk before the next arrives. `chunks` may throw to refuse the batch (a problem found
 * further on in the file): the write rolls back.
 */
export interface ClassStream {
  chunks(known: KnownReferences): AsyncIterable<StagedChunk>;
  /** once `chunks` has ended */
  summary(): StagedClassesSummary;
}

/**
 * Stages classes chunk by chunk: each class with the ids of its institution, occupation and training type, found in
 * maps of the names stored (a few thousand) rather than by a look-up per row in SQL. A name stored nowhere gets the
 * next free id, the same for every class naming it (StagedChunk). An unknown training type stages null.
 */
export class ClassStager {
  private readonly institutions: Map<string, number>;
  private readonly occupations: Map<string, number>;
  private nextInstitutionId: number;
  private nextOccupationId: number;
  private readonly months = new ClassMonths();
  private count = 0;

  constructor(private readonly known: KnownReferences, private readonly hasIds = false) {
    this.institutions = new Map(known.institutions);
    this.occupations = new Map(known.occupations);
    this.nextInstitutionId = known.nextInstitutionId;
    this.nextOccupationId = known.nextOccupationId;
  }

  /** The classes from index `first` of the batch (row_no first, first + 1, …), staged; its callers give JSON_CHUNK_ROWS at most. */
  chunk(classes: readonly StagedClass[], first: number): StagedChunk {
    const chunk: StagedChunk = { first, rows: classes.length, statements: [], newInstitutions: [], newOccupations: [], unknownTrainingTypes: [] };
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i]!;
      if (!this.institutions.has(c.institution)) {
        const id = this.nextInstitutionId++;
        this.institutions.set(c.institution, id);
        chunk.newInstitutions.push({ name: c.institution, regionCode: c.regionCode, id, index: first + i });
      }
      if (!this.occupations.has(c.occupation)) {
        const id = this.nextOccupationId++;
        this.occupations.set(c.occupation, id);
        chunk.newOccupations.push({ name: c.occupation, id, index: first + i });
      }
      if (!this.known.trainingTypes.has(c.trainingType)) {
        chunk.unknownTrainingTypes.push({ kind: 'classes', index: first + i, key: `${c.classNo}（${c.trainingType}）`, regionCode: c.regionCode });
      }
    }
    this.count += classes.length;
    this.months.add(classes);
    const ids = { institutions: this.institutions, occupations: this.occupations, trainingTypes: this.known.trainingTypes };
    chunk.statements = classStatements(classes, ids, first, this.hasIds);
    return chunk;
  }

  summary(): StagedClassesSummary {
    return { count: this.count, months: this.months.json(), figures: this.months.figuresJson() };
  }
}

/** The classes in hand as a ClassStream: staged in chunks, in this thread. */
export function classRowsStream(classes: readonly StagedClass[]): ClassStream {
  let stager: ClassStager | undefined;
  return {
    async *chunks(known) {
      stager = new ClassStager(known, classes.some((c) => c.id !== undefined));
      for (let start = 0; start < classes.length; start += JSON_CHUNK_ROWS) yield stager.chunk(classes.slice(start, start + JSON_CHUNK_ROWS), start);
    },
    summary() {
      if (!stager) throw new Error('summary() before chunks()');
      return stager.summary();
    },
  };
}

const COLUMNS = ['class_no', 'region_code', 'institution_id', 'occupation_id', 'training_type_id', 'opened_on', 'finished_on', 'enrolled', 'completed', 'subsidised', 'subsidy_standard'];

/**
 * The INSERT of one chunk of classes into s_classes. Each class travels as one text of fixed-width fields
 * (classRowText) that SQLite cuts with substr: a row given as an array, json_each makes into JSON text again and `->>`
 * parses it once per column — measured on 130,000 classes, 258 ms against 194–209 as texts. A chunk with a value that
 * does not fit the widths (a null id, a number of eleven digits, a date not written YYYY-MM-DD) goes as arrays.
 */
function classStatements(classes: readonly StagedClass[], ids: ClassReferenceIds, first: number, hasIds: boolean): InStatement[] {
  const texts: string[] = [];
  for (const c of classes) {
    const text = classRowText(c, ids, hasIds);
    if (text === undefined) {
      const valuesOf = (row: StagedClass): InValue[] => [
        row.classNo, row.regionCode, ids.institutions.get(row.institution) ?? null, ids.occupations.get(row.occupation) ?? null,
        ids.trainingTypes.get(row.trainingType) ?? null, row.openedOn, row.finishedOn, row.enrolled, row.completed, row.subsidised, row.subsidyStandard,
        ...(hasIds ? [row.id ?? null] : []),
      ];
      return jsonInsertStatements('s_classes', hasIds ? [...COLUMNS, 'new_id'] : COLUMNS, classes, valuesOf, '', first);
    }
    texts.push(text);
  }
  return [{ sql: hasIds ? TEXT_INSERT_WITH_IDS : TEXT_INSERT, args: [first, JSON.stringify(texts)] }];
}

const INT_WIDTH = 10;
const INT_LIMIT = 10 ** INT_WIDTH - 1; // 9,999,999,999 itself is kept for "no id"
const NO_ID = String(INT_LIMIT);
const NO_DATE = '----------';
const CLASS_NO_AT = 97; // after the region (6), three ids, two dates and four counts (10 each)

function textInsert(hasIds: boolean): string {
  const field = (at: number, width: number) => `substr(j.value, ${at}, ${width})`;
  // the staging columns are INT: SQLite's affinity reads '0000000040' as 40
  const values = [
    `substr(j.value, ${CLASS_NO_AT + (hasIds ? INT_WIDTH : 0)})`, field(1, 6), field(7, INT_WIDTH), field(17, INT_WIDTH), field(27, INT_WIDTH),
    field(37, 10), `NULLIF(${field(47, 10)}, '${NO_DATE}')`, field(57, INT_WIDTH), field(67, INT_WIDTH), field(77, INT_WIDTH), field(87, INT_WIDTH),
    ...(hasIds ? [`NULLIF(${field(CLASS_NO_AT, INT_WIDTH)}, '${NO_ID}')`] : []),
  ];
  return `INSERT INTO s_classes (${[...COLUMNS, ...(hasIds ? ['new_id'] : [])].join(', ')}, row_no) SELECT ${values.join(', ')}, ?1 + j.key FROM json_each(?2) j`;
}

const TEXT_INSERT = textInsert(false);
const TEXT_INSERT_WITH_IDS = textInsert(true);

/** The ten-digit texts of the small numbers met so far (counts, standards, ids): a look-up, not a padStart, per value. */
const PADDED: (string | undefined)[] = new Array<string | undefined>(65_536).fill(undefined);

/** A non-negative integer as ten digits, or undefined if it is not one or does not fit. */
function digits(value: number | null | undefined): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= INT_LIMIT) return undefined;
  if (value >= PADDED.length) return String(value).padStart(INT_WIDTH, '0');
  return (PADDED[value] ??= String(value).padStart(INT_WIDTH, '0'));
}

/** ASCII digits from `from` for `length` characters: the same width in JS and for SQLite's substr, which counts characters */
function digitsAt(text: string, from: number, length: number): boolean {
  for (let at = from; at < from + length; at++) {
    const code = text.charCodeAt(at);
    if (!(code >= 48 && code <= 57)) return false; // NaN past the end
  }
  return true;
}

/** YYYY-MM-DD, by its characters */
function isIsoDate(text: string): boolean {
  return text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && digitsAt(text, 0, 4) && digitsAt(text, 5, 2) && digitsAt(text, 8, 2);
}

/**
 * A class as the text staging cuts: region (6 characters), institution, occupation and training type ids (10 digits
 * each), opened and finished dates (10 each; ---------- for none), enrolled, completed, subsidised and the subsidy
 * standard (10 digits each), the demo's own id when the batch keeps ids (10 digits; 9999999999 for none), then the
 * class number, whatever its length. Undefined for a class whose values do not fit.
 */
function classRowText(c: StagedClass, ids: ClassReferenceIds, hasIds: boolean): string | undefined {
  if (c.regionCode.length !== 6 || !digitsAt(c.regionCode, 0, 6) || !isIsoDate(c.openedOn) || (c.finishedOn !== null && !isIsoDate(c.finishedOn))) return undefined;
  const institution = digits(ids.institutions.get(c.institution));
  const occupation = digits(ids.occupations.get(c.occupation));
  const type = digits(ids.trainingTypes.get(c.trainingType));
  const enrolled = digits(c.enrolled);
  const completed = digits(c.completed);
  const subsidised = digits(c.subsidised);
  const standard = digits(c.subsidyStandard);
  const id = !hasIds ? '' : c.id === undefined ? NO_ID : digits(c.id);
  if (institution === undefined || occupation === undefined || type === undefined || enrolled === undefined || completed === undefined) return undefined;
  if (subsidised === undefined || standard === undefined || id === undefined) return undefined;
  return c.regionCode + institution + occupation + type + c.openedOn + (c.finishedOn ?? NO_DATE) + enrolled + completed + subsidised + standard + id + c.classNo;
}
