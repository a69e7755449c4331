import type { ImportContext } from '@dispatch/core';
import type { KnownReferences, StagedChunk, StagedClassesSummary } from '@dispatch/db/staging';
import type { ReadImport } from './read-import.ts';

/** What the import worker gives back of a file besides its staged rows. */
export interface ClassesRead {
  report: ReadImport<'classes'>['report'];
  /** the sheet row of each typed row */
  rowNumbers: number[];
  /** the calendar years of the classes staged (rowYears; none for a refused file): the import's warnings */
  years: number[];
}

/**
 * To the worker: a file to read and check; then, once the file is read and the write transaction open, the
 * references known in it to stage the rows with; or the job's end, if the write never asks for its rows.
 */
export type ToClassesWorker =
  /** the file's bytes over a SharedArrayBuffer: given, not copied */
  | { job: number; type: 'file'; fileName: string; bytes: Uint8Array; context: ImportContext }
  | { job: number; type: 'known'; known: KnownReferences }
  | { job: number; type: 'cancel' };

/**
 * From the worker: the file is read (the write may begin); each chunk of checked rows, staged; the first problem
 * found (the write can stop now: the file will be refused); the end, with the report.
 */
export type FromClassesWorker =
  | { job: number; type: 'ready' }
  | { job: number; type: 'chunk'; chunk: StagedChunk }
  | { job: number; type: 'problem' }
  | { job: number; type: 'done'; read: ClassesRead; summary: StagedClassesSummary | null }
  | { job: number; type: 'failed'; message: string };
