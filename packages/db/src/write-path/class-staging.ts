import type { InValue } from '@libsql/client';
import type { ClassImportRow } from '@dispatch/core';
import type { RefusedRow } from './errors.ts';
import { ClassMonths } from './rollup-months.ts';
import { JSON_CHUNK_ROWS } from './stage-rows.ts';

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

/** A chunk of a batch's classes, rows first … first + rows - 1 (their row_no), ready for SQLite (classRowsSql). */
export interface StagedChunk {
  first: number;
  rows: number;
  source: ClassSource;
  /** JSON of the distinct [region_code, 'YYYY-MM'] pairs of the chunk's openings and finishings (ClassMonths) */
  months: string;
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
  /** the month (YYYY-MM) of the last opening, null for no class */
  lastOpened: string | null;
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
    const chunk: Omit<StagedChunk, 'source' | 'months'> = { first, rows: classes.length, newInstitutions: [], newOccupations: [], unknownTrainingTypes: [] };
    const records = new ClassRecords(this.hasIds);
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i]!;
      let institution = this.institutions.get(c.institution);
      if (institution === undefined) {
        this.institutions.set(c.institution, (institution = this.nextInstitutionId++));
        chunk.newInstitutions.push({ name: c.institution, regionCode: c.regionCode, id: institution, index: first + i });
      }
      let occupation = this.occupations.get(c.occupation);
      if (occupation === undefined) {
        this.occupations.set(c.occupation, (occupation = this.nextOccupationId++));
        chunk.newOccupations.push({ name: c.occupation, id: occupation, index: first + i });
      }
      const type = this.known.trainingTypes.get(c.trainingType);
      if (type === undefined) {
        chunk.unknownTrainingTypes.push({ kind: 'classes', index: first + i, key: `${c.classNo}（${c.trainingType}）`, regionCode: c.regionCode });
      }
      records.add(c, institution, occupation, type);
    }
    this.count += classes.length;
    const months = new ClassMonths();
    months.add(classes);
    this.months.merge(months);
    const ids = { institutions: this.institutions, occupations: this.occupations, trainingTypes: this.known.trainingTypes };
    return { ...chunk, source: records.source() ?? arraysSource(classes, ids, this.hasIds), months: months.json() };
  }

  /** the calendar years of the classes staged so far (rowYears) */
  years(): number[] {
    return this.months.years();
  }

  summary(): StagedClassesSummary {
    return { count: this.count, months: this.months.json(), figures: this.months.figuresJson(), lastOpened: this.months.lastOpened() };
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

/**
 * How a chunk's classes travel to SQLite: one parameter that a statement unpacks into the rows `r` (classRowsSql).
 * `records`: a class per fixed-width record (ClassRecords: ASCII fields, the class number in UTF-8), cut by substr at byte offsets — measured on
 * 130,000 classes staged, 213–250 ms, against 297–352 for texts in a JSON array (json_each parses the JSON and copies
 * each text). `arrays`: JSON arrays of the values, for a chunk with a value that does not fit the records.
 */
export type ClassSource =
  | { format: 'records'; bytes: Uint8Array; width: number; hasIds: boolean }
  | { format: 'arrays'; json: string; hasIds: boolean };

/** The columns of the rows `r` a chunk unpacks into, besides row_no: the staging table's (and the classes' own) names. */
export const CLASS_COLUMNS = ['class_no', 'region_code', 'institution_id', 'occupation_id', 'training_type_id', 'opened_on', 'finished_on', 'enrolled', 'completed', 'subsidised', 'subsidy_standard', 'new_id'] as const;

const INT_WIDTH = 10;
const INT_LIMIT = 10 ** INT_WIDTH - 1; // 9,999,999,999 itself is kept for "no id"
const NO_DATE = '----------';
/** the fields before the class number: region (6), three ids, two dates and four counts (10 each) */
const FIXED = 96;
/** the class number's length in bytes, as three digits, before it */
const LENGTH_WIDTH = 3;
const MAX_CLASS_NO_BYTES = 10 ** LENGTH_WIDTH - 1;

/**
 * `WITH … r AS (…)`: the classes of a chunk as rows r(row_no, class_no, region_code, …, new_id), from the parameters
 * ?1 (the chunk's source) and ?2 (its first row_no); a statement's own parameters follow from ?3.
 */
export function classRowsSql(source: Pick<ClassSource, 'format' | 'hasIds'> & { width?: number }): string {
  if (source.format === 'arrays') {
    // MATERIALIZED: each array made once and kept, not once per column unpacked (jsonInsertStatements)
    const values = CLASS_COLUMNS.map((c, i) => (c === 'new_id' && !source.hasIds ? 'NULL AS new_id' : `j.value ->> ${i} AS ${c}`));
    return `WITH j AS MATERIALIZED (SELECT key, value FROM json_each(?1)), r AS (SELECT ?2 + j.key AS row_no, ${values.join(', ')} FROM j)`;
  }
  const width = source.width!;
  const text = (at: number, length: number) => `CAST(substr(?1, k.o + ${at}, ${length}) AS TEXT)`;
  const int = (at: number) => `CAST(substr(?1, k.o + ${at}, ${INT_WIDTH}) AS INTEGER)`;
  const lengthAt = FIXED + (source.hasIds ? INT_WIDTH : 0) + 1;
  const values = [
    `CAST(substr(?1, k.o + ${lengthAt + LENGTH_WIDTH}, CAST(substr(?1, k.o + ${lengthAt}, ${LENGTH_WIDTH}) AS INTEGER)) AS TEXT)`, text(1, 6), int(7), int(17), int(27),
    text(37, 10), `NULLIF(${text(47, 10)}, '${NO_DATE}')`, int(57), int(67), int(77), int(87),
    source.hasIds ? `NULLIF(${int(FIXED + 1)}, ${INT_LIMIT})` : 'NULL',
  ].map((value, i) => `${value} AS ${CLASS_COLUMNS[i]}`);
  // one row per record: k.o is the record's offset (substr counts a blob's bytes from 1)
  return `WITH RECURSIVE k (i, o) AS (SELECT 0, 0 WHERE length(?1) > 0 UNION ALL SELECT i + 1, o + ${width} FROM k WHERE o + ${2 * width} <= length(?1)),
          r AS (SELECT ?2 + k.i AS row_no, ${values.join(', ')} FROM k)`;
}

/** The parameters classRowsSql's rows are made from: the chunk's source and its first row_no. */
export function classRowsArgs({ source, first }: Pick<StagedChunk, 'source' | 'first'>): InValue[] {
  return [source.format === 'records' ? source.bytes : source.json, first];
}

/**
 * A chunk's classes as fixed-width records (ClassSource): each class kept as it is staged, then all written as bytes
 * at once (no text made of them). The source is undefined when a value did not fit (a null id, a number of eleven
 * digits, a date not written YYYY-MM-DD): the chunk then goes as arrays.
 */
class ClassRecords {
  private readonly classes: StagedClass[] = [];
  /** per class: institution, occupation and training type ids, the class number's length in bytes */
  private readonly numbers: number[] = [];
  private fits = true;
  private longest = 0;

  constructor(private readonly hasIds: boolean) {}

  add(c: StagedClass, institution: number, occupation: number, type: number | undefined): void {
    if (!this.fits) return;
    const classNoBytes = isAscii(c.classNo) ? c.classNo.length : Buffer.byteLength(c.classNo);
    this.fits = classNoBytes <= MAX_CLASS_NO_BYTES && type !== undefined && fitsRecord(c, institution, occupation, type, this.hasIds);
    this.longest = Math.max(this.longest, classNoBytes);
    this.classes.push(c);
    this.numbers.push(institution, occupation, type ?? 0, classNoBytes);
  }

  source(): ClassSource | undefined {
    if (!this.fits) return undefined;
    const { classes, numbers, hasIds } = this;
    const width = FIXED + (hasIds ? INT_WIDTH : 0) + LENGTH_WIDTH + this.longest;
    // all zeros to begin with: a number writes only its digits; after a shorter class number, never read
    const bytes = Buffer.alloc(width * classes.length, 0x30);
    for (let i = 0, at = 0; i < classes.length; i++, at += width) {
      const c = classes[i]!;
      writeAscii(bytes, at, c.regionCode);
      writeDigits(bytes, at + 6, numbers[4 * i]!);
      writeDigits(bytes, at + 16, numbers[4 * i + 1]!);
      writeDigits(bytes, at + 26, numbers[4 * i + 2]!);
      writeAscii(bytes, at + 36, c.openedOn);
      writeAscii(bytes, at + 46, c.finishedOn ?? NO_DATE);
      writeDigits(bytes, at + 56, c.enrolled);
      writeDigits(bytes, at + 66, c.completed);
      writeDigits(bytes, at + 76, c.subsidised);
      writeDigits(bytes, at + 86, c.subsidyStandard);
      let next = at + FIXED;
      if (hasIds) {
        writeDigits(bytes, next, c.id ?? INT_LIMIT);
        next += INT_WIDTH;
      }
      const classNoBytes = numbers[4 * i + 3]!;
      writeDigits(bytes, next, classNoBytes, LENGTH_WIDTH);
      if (classNoBytes === c.classNo.length) writeAscii(bytes, next + LENGTH_WIDTH, c.classNo);
      else bytes.write(c.classNo, next + LENGTH_WIDTH, 'utf8');
    }
    return { format: 'records', bytes, width, hasIds };
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** ASCII text (checked: fitsRecord) as its bytes */
function writeAscii(bytes: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
}

/** A non-negative integer as `width` ASCII digits (checked: fitsRecord), where the bytes are zeros already */
function writeDigits(bytes: Uint8Array, at: number, value: number, width = INT_WIDTH): void {
  for (let i = at + width - 1; value > 0; i--) {
    const rest = value <= 0x7fffffff ? (value / 10) | 0 : Math.floor(value / 10);
    bytes[i] = 48 + value - rest * 10;
    value = rest;
  }
}

function arraysSource(classes: readonly StagedClass[], ids: ClassReferenceIds, hasIds: boolean): ClassSource {
  const values = classes.map((row): InValue[] => [
    row.classNo, row.regionCode, ids.institutions.get(row.institution) ?? null, ids.occupations.get(row.occupation) ?? null,
    ids.trainingTypes.get(row.trainingType) ?? null, row.openedOn, row.finishedOn, row.enrolled, row.completed, row.subsidised, row.subsidyStandard,
    hasIds ? (row.id ?? null) : null,
  ]);
  return { format: 'arrays', json: JSON.stringify(values), hasIds };
}

/** A number a record's field of ten digits holds: a non-negative integer below 9,999,999,999. */
const fitsDigits = (value: number | null | undefined): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < INT_LIMIT;

/** ASCII digits from `from` for `length` characters */
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
 * Whether a class fits its record (ClassRecords): region (6 ASCII digits), institution, occupation and training type
 * ids (10 digits each), opened and finished dates (YYYY-MM-DD; ---------- for none), enrolled, completed, subsidised
 * and the subsidy standard (10 digits each), and the demo's own id when the batch keeps ids (10 digits; 9999999999
 * for none); then the class number's length in bytes (3 digits) and the number in UTF-8.
 */
function fitsRecord(c: StagedClass, institution: number, occupation: number, type: number, hasIds: boolean): boolean {
  return c.regionCode.length === 6 && digitsAt(c.regionCode, 0, 6) && isIsoDate(c.openedOn) && (c.finishedOn === null || isIsoDate(c.finishedOn))
    && fitsDigits(institution) && fitsDigits(occupation) && fitsDigits(type) && fitsDigits(c.enrolled) && fitsDigits(c.completed) && fitsDigits(c.subsidised)
    && fitsDigits(c.subsidyStandard) && (!hasIds || c.id === undefined || fitsDigits(c.id));
}
