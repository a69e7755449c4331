import { Worker } from 'node:worker_threads';
import type { ImportContext } from '@dispatch/core';
import type { ClassStream, StagedClassesSummary } from '@dispatch/db/staging';
import type { ClassesRead, FromClassesWorker, ToClassesWorker } from './classes-worker-messages.ts';

export type { ClassesRead } from './classes-worker-messages.ts';

/**
 * A file of classes with problems: nothing is written. `read` is the report when the whole file had been checked; at
 * the first problem the write stops at once, and the report follows (ClassesInWorker.finished).
 */
export class ClassesRefusedError extends Error {
  constructor(readonly read?: ClassesRead) {
    super('文件有问题，未导入任何数据');
  }
}

export interface ClassesInWorker extends ClassStream {
  /** the report and rows' numbers and years, once the whole file is checked */
  finished: Promise<ClassesRead>;
  /** the same, once the stream has ended */
  read(): ClassesRead;
  /** ends the job if the write never asked for the rows (it failed before) */
  close(): void;
}

/**
 * The process's import worker, started at a file of classes and ended after a minute without one (endIdleImportWorker):
 * a large file's rows leave a heap the size of hundreds of MB that a thread kept idle would hold; the next file
 * starts another (about a second). Idle, it keeps nothing alive.
 */
let worker: Worker | undefined;
const listeners = new Map<number, (message: FromClassesWorker) => void>();
let lastJob = 0;
const IDLE_MS = 60_000;
let idle: NodeJS.Timeout | undefined;

/** Ends the import worker if no file is being read; answers whether it did. */
export async function endIdleImportWorker(): Promise<boolean> {
  const thread = worker;
  if (!thread || listeners.size > 0) return false;
  worker = undefined;
  await thread.terminate();
  return true;
}

/**
 * Starts the import worker if none runs, as a file of classes begins to arrive: its start (~0.4 s, loading its
 * modules) then overlaps the upload instead of following it. Ended after a minute if no file comes.
 */
export function warmImportWorker(): void {
  if (worker || listeners.size > 0) return;
  importWorker();
  whenIdle();
}

/** No job left: the worker no longer keeps the process alive, and ends if none comes for a minute. */
function whenIdle(): void {
  worker?.unref();
  clearTimeout(idle);
  idle = setTimeout(() => void endIdleImportWorker(), IDLE_MS);
  idle.unref();
}

function importWorker(): Worker {
  clearTimeout(idle);
  if (worker) return worker;
  const started = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./classes-worker.ts', import.meta.url).href } });
  started.on('message', (message: FromClassesWorker) => listeners.get(message.job)?.(message));
  // a worker that failed or ended fails the jobs it had; the next file starts another
  const fail = (message: string) => {
    if (worker === started) worker = undefined;
    for (const [job, listener] of listeners) listener({ job, type: 'failed', message });
  };
  started.on('error', (error) => fail(error.message));
  started.on('exit', (code) => fail(`导入工作线程已退出（${code}）`));
  started.unref();
  worker = started;
  return started;
}

/**
 * A file of classes read and checked in the import worker while the write transaction stages the rows already
 * checked (writeDataBatch's classStream): the main thread, which runs SQLite, is not held by the reading, and the two
 * run at once. Resolves once the worker has read the file (open the write transaction then: reading a large file
 * holds no lock), or could not. The stream throws ClassesRefusedError at the file's first problem (the write rolls
 * back at once, while the worker goes on checking for the report: `finished`).
 */
export async function classesInWorker(fileName: string, bytes: Uint8Array, context: ImportContext): Promise<ClassesInWorker> {
  let summary: StagedClassesSummary | undefined;
  let read: ClassesRead | undefined;
  let settle!: (read: ClassesRead) => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<ClassesRead>((resolve, reject) => ((settle = resolve), (fail = reject)));
  finished.catch(() => undefined); // asked for only after a refusal; a failure is the stream's to throw
  const job = ++lastJob;
  const queue: FromClassesWorker[] = [];
  let wake: (() => void) | undefined;
  let settled = false;
  let refusing = false; // stopped at the first problem: the report is still to come
  const forget = () => {
    listeners.delete(job);
    if (listeners.size === 0) whenIdle();
  };
  let failure: Error | undefined;
  listeners.set(job, (message) => {
    if (message.type === 'done' || message.type === 'failed') {
      settled = true;
      if (message.type === 'done') settle((read = message.read));
      else fail((failure = new Error(`导入工作线程出错：${message.message}`)));
      if (refusing) forget();
    }
    queue.push(message);
    wake?.();
  });
  const thread = importWorker();
  thread.ref(); // a job under way keeps the process alive
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (settled) forget();
    else if (!refusing) {
      thread.postMessage({ job, type: 'cancel' } satisfies ToClassesWorker);
      forget();
    } // else forgotten when the report comes
  };
  const next = async () => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };
  // shared, not copied by the message: a five-year file is 16 MB, which postMessage took ~20 ms to clone (2 to share)
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  thread.postMessage({ job, type: 'file', fileName, bytes: shared, context } satisfies ToClassesWorker);
  // the file read (or not: its refusal or failure is then the stream's first message)
  const first = await next();
  if (first.type !== 'ready') queue.unshift(first);
  return {
    finished,
    close,
    read() {
      if (!read) throw new Error('read() before the file was checked');
      return read;
    },
    async *chunks(known) {
      try {
        if (!settled) thread.postMessage({ job, type: 'known', known } satisfies ToClassesWorker);
        for (;;) {
          const message = await next();
          if (message.type === 'chunk') {
            yield message.chunk;
          } else if (message.type === 'problem') {
            refusing = true;
            throw new ClassesRefusedError();
          } else if (message.type === 'failed') {
            throw failure;
          } else if (message.type === 'done') {
            if (!message.summary) throw new ClassesRefusedError(message.read);
            summary = message.summary;
            return;
          }
        }
      } finally {
        close();
      }
    },
    summary() {
      if (!summary) throw new Error('summary() before the stream ended');
      return summary;
    },
  };
}
