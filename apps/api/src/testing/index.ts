/** What the end-to-end tests and the benchmarks use of the API: the real server in a child process. */
export { childEnv } from './env.ts';
export { freePort, logLines, printedDemoPasswords, spawnServer, type RunningServer, type SpawnedServer } from './spawn-server.ts';
export { cpuMs, pidsHoldingConnections, workerPids } from './process-tree.ts'; // a cluster's workers, from /proc
export { hashPassword } from '../auth/password.ts'; // to put accounts straight into a test or benchmark database
export { readImport } from '../imports/index.ts'; // the whole import pipeline (read, map, validate) for the benchmark
export { classesInWorker, endIdleImportWorker } from '../imports/classes-in-worker.ts'; // as the route reads classes: in the import worker, staged while read
export { makeXlsx } from '../imports/testing.ts';
export { renderBulletinPdf } from '../renderers/bulletin-pdf.ts'; // the bulletin benchmark renders edited documents in-process
export { FULL, QUICK, formatReliability, runReliability, type ReliabilityOptions, type ReliabilityReport } from '../reliability/suite.ts'; // npm run reliability
