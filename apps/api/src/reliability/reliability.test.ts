/**
 * The reliability suite's quick mode in `npm test`: a small budget of fuzzed requests over every route, one SIGKILL
 * under load and restart, two processes writing at once — real servers in child processes. `npm run reliability`
 * runs the longer version with a new seed each time; this one keeps a fixed seed so that a failure repeats.
 */
import { expect, test } from 'vitest';
import { QUICK, formatReliability, runReliability } from './suite.ts';

test('quick reliability run: no 5xx, no hang, error answers in the product shape, checksum equal, acknowledged writes survive a SIGKILL and two writers', { timeout: 240_000 }, async () => {
  const options = { ...QUICK, budget: 250, restarts: 1, seed: 20261127 };
  const report = await runReliability(options);
  const figures = formatReliability(report);
  expect(report.failures, figures).toEqual([]);
  // It did what it says: every operation fuzzed, answers of each kind, writes acknowledged in both scenarios.
  expect(report.fuzz.sent).toBeGreaterThan(200);
  expect(report.fuzz.operations).toBeGreaterThan(40);
  expect(report.fuzz.byClass['2xx']).toBeGreaterThan(0);
  expect(report.fuzz.byClass['4xx']).toBeGreaterThan(0);
  expect(report.fuzz.checksumAfter).toBe(report.fuzz.checksumBefore);
  expect(report.crash.survived).toBe(options.restarts);
  expect(report.crash.ledger.acked).toBeGreaterThanOrEqual(options.writesPerRound * options.restarts);
  expect(report.twoProcesses.data.rounds).toHaveLength(options.dataWrites);
  expect(report.twoProcesses.data.imports).toHaveLength(options.dataWrites);
  expect(report.twoProcesses.ledger.notes.size).toBeGreaterThan(0);
});
