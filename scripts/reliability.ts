/**
 * npm run reliability [-- --quick] [-- --seed N] [-- --budget N] [-- --restarts N]
 *
 * The reliability suite against the real server in child processes, loopback only, on temporary database files:
 *   1. a fuzzer over every route of the OpenAPI document (hostile paths, queries, bodies, content types; signed
 *      out and as three posts, with and without the CSRF token): no 5xx, no hang, error answers in the product's
 *      shape, the data checksum unchanged;
 *   2. SIGKILL under load and restart: integrity_check, every acknowledged write there, sessions still valid;
 *   3. two processes writing at once: no 5xx, no SQLITE_BUSY, every acknowledged write there.
 * Prints its figures (docs/reliability.md); exits 1 on any failure. The default takes a few minutes, --quick about one.
 */
import { randomInt } from 'node:crypto';
import { FULL, QUICK, formatReliability, runReliability } from '@dispatch/api/testing';

function flag(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} 须为非负整数`);
    process.exit(2);
  }
  return value;
}

const preset = process.argv.includes('--quick') ? QUICK : FULL;
const options = {
  ...preset,
  seed: flag('seed') ?? randomInt(2 ** 31),
  budget: flag('budget') ?? preset.budget,
  restarts: flag('restarts') ?? preset.restarts,
};
console.log(`npm run reliability${preset === QUICK ? ' -- --quick' : ''}: seed ${options.seed} (repeat a run with --seed ${options.seed})`);
const started = performance.now();
const report = await runReliability(options, (line) => console.log(line));
console.log(`\n${new Date().toISOString()} · ${Math.round((performance.now() - started) / 1000)} s\n${formatReliability(report)}`);
process.exit(report.failures.length ? 1 : 0);
