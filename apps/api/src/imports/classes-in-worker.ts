import { Worker } from 'node:worker_threads';
import type { ImportContext } from '@dispatch/core';
import type { ClassStream, StagedClassesSummary } from '@dispatch/db/staging';
import type { ClassesRead, FromClassesWorker, ToClassesWorker } from './classes-worker-messages.ts';

export type { ClassesRead } from './classes-worker-messages.ts';

/** A file of classes with problems: nothing is written; `read.report` says what they are. */
export class ClassesRefusedError extends Error {
  constructor(readonly read: ClassesRead) {
    super('文件有问题，未导入任何数据');
  }
}

/** The process's import worker, started at the first file of classes and kept (idle, it keeps nothing alive). */
let worker: Worker | undefined;
const listeners = new Map<number, (message: FromClassesWorker) => void>();
let lastJob = 0;

function importWorker(): Worker {
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
 * run at once. The file goes to the worker at once, to be read while the transaction is being opened. The stream
 * throws ClassesRefusedError for a file with problems (the write rolls back); `read()` gives the report once the
 * stream has ended; `close()` ends the job if the write never asked for the rows (a failure before).
 */
export function classesInWorker(fileName: string, bytes: Uint8Array, context: ImportContext): ClassStream & { read(): ClassesRead; close(): void } {
  let read: ClassesRead | undefined;
  let summary: StagedClassesSummary | undefined;
  const job = ++lastJob;
  const queue: FromClassesWorker[] = [];
  let wake: (() => void) | undefined;
  listeners.set(job, (message) => {
    queue.push(message);
    wake?.();
  });
  const thread = importWorker();
  thread.ref(); // a job under way keeps the process alive
  thread.postMessage({ job, type: 'file', fileName, bytes, context } satisfies ToClassesWorker);
  let ended = false;
  const close = () => {
    if (ended) return;
    ended = true;
    listeners.delete(job);
    thread.postMessage({ job, type: 'cancel' } satisfies ToClassesWorker);
    if (listeners.size === 0) worker?.unref();
  };
  return {
    async *chunks(known) {
      try {
        thread.postMessage({ job, type: 'known', known } satisfies ToClassesWorker);
        for (;;) {
          while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const message = queue.shift()!;
          if (message.type === 'chunk') {
            yield message.chunk;
          } else if (message.type === 'failed') {
            throw new Error(`导入工作线程出错：${message.message}`);
          } else {
            read = message.read;
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
    read() {
      if (!read) throw new Error('read() before the stream ended');
      return read;
    },
    close,
  };
}
