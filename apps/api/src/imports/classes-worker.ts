/*
 * The import worker (a thread of the server's process): reads and checks a file of classes and stages each chunk of
 * checked rows as it goes, posting its staging statements to the thread that holds the write transaction, so that
 * SQLite writes the first rows while the rest of the file is still being checked. classes-in-worker.ts starts it and
 * speaks to it.
 */
import { parentPort } from 'node:worker_threads';
import { rowYears } from '@dispatch/core';
import { ClassStager } from '@dispatch/db/staging';
import type { KnownReferences } from '@dispatch/db/staging';
import type { FromClassesWorker, ToClassesWorker } from './classes-worker-messages.ts';
import { readImport } from './index.ts';

/** Rows checked between two posts: a statement's worth (the write path's JSON chunks are as long); the first fewer, to start the write sooner. */
const CHUNK_ROWS = 5_000;
const FIRST_CHUNK_ROWS = 1_000;

const port = parentPort!;
const post = (message: FromClassesWorker) => port.postMessage(message);
/** the job under way, waiting for the references known in its write transaction (null: cancelled) */
const waiting = new Map<number, (known: KnownReferences | null) => void>();
const cancelled = new Set<number>();
/** one job at a time, in the order the files came: a file waiting is not read while another job's rows are checked */
let turn = Promise.resolve();

port.on('message', (message: ToClassesWorker) => {
  if (message.type === 'file') {
    turn = turn.then(() => check(message));
  } else if (message.type === 'known') {
    waiting.get(message.job)?.(message.known);
  } else {
    cancelled.add(message.job);
    waiting.get(message.job)?.(null);
  }
});

/** A job ended before its rows were asked for: nothing to say. */
class Cancelled extends Error {}

/**
 * Reads the file, says so (the write transaction opens only then, so that reading a large file holds no lock), then
 * checks its rows, staging them chunk by chunk with the references known in the transaction. At the first problem
 * it says so at once, so that the write rolls back and frees the database while the rest is checked for the report.
 */
async function check({ job, fileName, bytes, context }: Extract<ToClassesWorker, { type: 'file' }>): Promise<void> {
  if (cancelled.delete(job)) return;
  const known = new Promise<KnownReferences | null>((resolve) => waiting.set(job, resolve));
  let stager: ClassStager | undefined;
  const sink = async () => {
    post({ job, type: 'ready' });
    const references = await known;
    if (!references) throw new Cancelled();
    const staging = (stager = new ClassStager(references));
    const take = (rows: Parameters<ClassStager['chunk']>[0], first: number) => post({ job, type: 'chunk', chunk: staging.chunk(rows, first) });
    return { every: CHUNK_ROWS, first: FIRST_CHUNK_ROWS, take, refused: () => post({ job, type: 'problem' }) };
  };
  try {
    const read = await readImport('classes', fileName, bytes, context, sink);
    post({
      job, type: 'done', read: { report: read.report, rowNumbers: read.rowNumbers, years: rowYears(read.rows) }, summary: read.report.ok && stager ? stager.summary() : null,
    });
  } catch (error) {
    if (!(error instanceof Cancelled)) post({ job, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    waiting.delete(job);
    cancelled.delete(job);
  }
}
