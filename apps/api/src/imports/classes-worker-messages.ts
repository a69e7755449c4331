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

/** A file for the worker to read, check and stage, with the references known in the write transaction. */
export interface ClassesJob {
  job: number;
  fileName: string;
  bytes: Uint8Array;
  context: ImportContext;
  known: KnownReferences;
}

export type FromClassesWorker =
  | { job: number; type: 'chunk'; chunk: StagedChunk }
  | { job: number; type: 'done'; read: ClassesRead; summary: StagedClassesSummary | null }
  | { job: number; type: 'failed'; message: string };
