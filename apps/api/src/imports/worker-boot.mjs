// The import worker's entry: Node runs no TypeScript by itself, so the worker registers tsx (as `npm start` runs the
// server) and then loads its module, given by the thread that starts it (classes-in-worker.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
