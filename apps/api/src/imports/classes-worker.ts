/*
 * The import worker (a thread of the server's process): reads and checks a file of classes and stages each chunk of
 * checked rows as it goes, posting each chunk's classes (as records: ClassSource) to the thread that holds the write
 * transaction, so that SQLite writes the first rows while the rest of the file is still being checked.
 * classes-in-worker.ts starts it and speaks to it.
 */
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { ClassStager } from '@dispatch/db/staging';
import type { KnownReferences } from '@dispatch/db/staging';
import type { FromClassesWorker, ToClassesWorker } from './classes-worker-messages.ts';
import { readImport } from './read-import.ts';

/**
 * Rows checked between two posts; the first fewer, to start the write sooner. Smaller chunks also leave less to write
 * once the file is checked (measured: 2,500 and 500 were a little faster than 5,000 and 1,000, a year and five).
 */
const CHUNK_ROWS = 2_500;
const FIRST_CHUNK_ROWS = 500;

const port = parentPort!;
const post = (message: FromClassesWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
/** the job under way, waiting for the references known in its write transaction (null: cancelled) */
const waiting = new Map<number, (known: KnownReferences | null) => void>();
const cancelled = new Set<number>();
/** one job at a time, in the order the files came: a file waiting is not read while another job's rows are checked */
let turn = Promise.resolve();

function handle(message: ToClassesWorker): void {
  if (message.type === 'file') {
    turn = turn.then(() => check(message));
  } else if (message.type === 'known') {
    waiting.get(message.job)?.(message.known);
  } else {
    cancelled.add(message.job);
    waiting.get(message.job)?.(null);
  }
}
port.on('message', handle);

/** The messages come meanwhile, handled from inside the synchronous check of a file (the references it waits for). */
function handleArrived(): void {
  for (let arrived = receiveMessageOnPort(port); arrived; arrived = receiveMessageOnPort(port)) handle(arrived.message as ToClassesWorker);
}

/** A job ended before its rows were asked for: nothing to say. */
class Cancelled extends Error {}

/**
 * Reads the file, says so (the write transaction opens only then, so that reading a large file holds no lock), then
 * checks its rows, staging them chunk by chunk with the references known in the transaction — the first rows are
 * checked while the transaction opens, and staged once its references come. At the first problem it says so at once,
 * so that the write rolls back and frees the database while the rest is checked for the report.
 */
async function check({ job, fileName, bytes, context }: Extract<ToClassesWorker, { type: 'file' }>): Promise<void> {
  if (cancelled.delete(job)) return;
  let references: KnownReferences | null | undefined; // undefined until the transaction sends them; null: cancelled
  const known = new Promise<KnownReferences | null>((resolve) => waiting.set(job, (sent) => resolve((references = sent))));
  let stager: ClassStager | undefined;
  type Rows = Parameters<ClassStager['chunk']>[0];
  const held: [Rows, number][] = []; // checked before the references came
  const stage = (rows: Rows, first: number) => {
    const chunk = (stager ??= new ClassStager(references!)).chunk(rows, first);
    // the records' bytes are moved to the other thread, not copied
    post({ job, type: 'chunk', chunk }, chunk.source.format === 'records' ? [chunk.source.bytes.buffer as ArrayBuffer] : []);
  };
  const take = (rows: Rows, first: number) => {
    if (references === undefined) handleArrived();
    if (references === null) throw new Cancelled();
    if (references === undefined) return void held.push([rows, first]);
    for (const [heldRows, heldFirst] of held.splice(0)) stage(heldRows, heldFirst);
    stage(rows, first);
  };
  const sink = async () => {
    post({ job, type: 'ready' });
    return { every: CHUNK_ROWS, first: FIRST_CHUNK_ROWS, take, refused: () => post({ job, type: 'problem' }) };
  };
  try {
    // the bytes are shared with the route's thread: a CSV is read from them as they are; a workbook, copied first
    // (its zip reader is not known to take shared memory)
    const own = bytes[0] === 0x50 && bytes[1] === 0x4b ? new Uint8Array(bytes) : bytes;
    const read = await readImport('classes', fileName, own, context, sink);
    if (read.report.ok && held.length) {
      // the whole file checked before the references came: staged now
      if (!(await known)) throw new Cancelled();
      for (const [heldRows, heldFirst] of held.splice(0)) stage(heldRows, heldFirst);
    }
    post({
      job, type: 'done', read: { report: read.report, rowNumbers: read.rowNumbers, years: stager?.years() ?? [] }, summary: read.report.ok && stager ? stager.summary() : null,
    });
  } catch (error) {
    if (!(error instanceof Cancelled)) post({ job, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    waiting.delete(job);
    cancelled.delete(job);
  }
}
