import type { ImportContext } from '@dispatch/core';
import type { KnownReferences, StagedChunk, StagedClassesSummary } from '@dispatch/db/staging';
import type { ReadImport } from './index.ts';

/** What the import worker gives back of a file besides its staged rows. */
export interface ClassesRead {
  report: ReadImport<'classes'>['report'];
  /** the sheet row of each typed row */
  rowNumbers: number[];
  /** the calendar years of the classes (rowYears): the import's warnings */
  years: number[];
}

/**
 * To the worker: a file to read and check, as soon as it is uploaded; then the references known in the write
 * transaction, once it is open, to stage the rows with; or the job's end, if the write never asks for its rows.
 */
export type ToClassesWorker =
  | { job: number; type: 'file'; fileName: string; bytes: Uint8Array; context: ImportContext }
  | { job: number; type: 'known'; known: KnownReferences }
  | { job: number; type: 'cancel' };

export type FromClassesWorker =
  | { job: number; type: 'chunk'; chunk: StagedChunk }
  | { job: number; type: 'done'; read: ClassesRead; summary: StagedClassesSummary | null }
  | { job: number; type: 'failed'; message: string };
