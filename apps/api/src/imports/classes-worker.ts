/*
 * The import worker (a thread of the server's process): reads and checks a file of classes and stages each chunk of
 * checked rows as it goes, posting its staging statements to the thread that holds the write transaction, so that
 * SQLite writes the first rows while the rest of the file is still being read and checked. classes-in-worker.ts
 * starts it and speaks to it.
 */
import { parentPort } from 'node:worker_threads';
import { rowYears } from '@dispatch/core';
import { ClassStager } from '@dispatch/db/staging';
import type { ClassesJob, FromClassesWorker } from './classes-worker-messages.ts';
import { readImport } from './index.ts';

/** Rows checked between two posts: a statement's worth (the write path's JSON chunks are as long); the first fewer, to start the write sooner. */
const CHUNK_ROWS = 5_000;
const FIRST_CHUNK_ROWS = 1_000;

const port = parentPort!;
const post = (message: FromClassesWorker) => port.postMessage(message);

port.on('message', (job: ClassesJob) => void check(job));

async function check({ job, fileName, bytes, context, known }: ClassesJob): Promise<void> {
  try {
    const stager = new ClassStager(known);
    const take = (rows: Parameters<ClassStager['chunk']>[0], first: number) => post({ job, type: 'chunk', chunk: stager.chunk(rows, first) });
    const read = await readImport('classes', fileName, bytes, context, { every: CHUNK_ROWS, first: FIRST_CHUNK_ROWS, take });
    post({
      job, type: 'done', read: { report: read.report, rowNumbers: read.rowNumbers, years: rowYears(read.rows) }, summary: read.report.ok ? stager.summary() : null,
    });
  } catch (error) {
    post({ job, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
