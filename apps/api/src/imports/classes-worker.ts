/*
 * The import worker (a thread of the server's process): reads and checks a file of classes and stages each chunk of
 * checked rows as it goes, posting its staging statements to the thread that holds the write transaction, so that
 * SQLite writes the first rows while the rest of the file is still being read and checked. classes-in-worker.ts
 * starts it and speaks to it.
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
/** the jobs reading their file, each waiting for the references known in its write transaction (null: cancelled) */
const waiting = new Map<number, (known: KnownReferences | null) => void>();

port.on('message', (message: ToClassesWorker) => {
  if (message.type === 'file') void check(message);
  else waiting.get(message.job)?.(message.type === 'known' ? message.known : null);
});

/** A job ended before its rows were asked for: nothing to say. */
class Cancelled extends Error {}

/**
 * Reads the file while the write transaction is being opened, then checks its rows, staging them chunk by chunk
 * with the references known in the transaction.
 */
async function check({ job, fileName, bytes, context }: Extract<ToClassesWorker, { type: 'file' }>): Promise<void> {
  const known = new Promise<KnownReferences | null>((resolve) => waiting.set(job, resolve));
  let stager: ClassStager | undefined;
  const sink = async () => {
    const references = await known;
    if (!references) throw new Cancelled();
    const staging = (stager = new ClassStager(references));
    const take = (rows: Parameters<ClassStager['chunk']>[0], first: number) => post({ job, type: 'chunk', chunk: staging.chunk(rows, first) });
    return { every: CHUNK_ROWS, first: FIRST_CHUNK_ROWS, take };
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
  }
}
