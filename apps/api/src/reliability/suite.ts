/**
 * The reliability suite (`npm run reliability`): the fuzzer over every route, SIGKILL under load and restart, two
 * processes writing at once — each against the real server in child processes on a temporary database file with
 * the demo data, on loopback only. Answers its figures and its failures; the caller prints them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashPhase, type CrashPhase } from './crash-phase.ts';
import { runFuzzPhase, type FuzzPhase } from './fuzz-phase.ts';
import { runTwoProcessPhase, type TwoProcessPhase } from './two-process-phase.ts';
import { printedDemoPasswords } from '../testing/spawn-server.ts';
import { Servers } from './servers.ts';
import { signIn, type Session } from './sessions.ts';

export interface ReliabilityOptions {
  seed: number;
  /** fuzzed requests in all */
  budget: number;
  /** SIGKILL-and-restart rounds */
  restarts: number;
  /** writes answered before each kill, at least (up to twice as many) */
  writesPerRound: number;
  /** reallocation rounds and imports through the two processes */
  dataWrites: number;
  concurrency: number;
  /** an answer slower than this is a hang */
  hangMs: number;
}

/** `--quick`: about a minute on a loaded 2-core machine; the default: a few minutes. */
export const QUICK: Omit<ReliabilityOptions, 'seed'> = { budget: 300, restarts: 2, writesPerRound: 10, dataWrites: 1, concurrency: 4, hangMs: 10_000 };
export const FULL: Omit<ReliabilityOptions, 'seed'> = { budget: 12_000, restarts: 6, writesPerRound: 30, dataWrites: 8, concurrency: 4, hangMs: 10_000 };

export interface ReliabilityReport {
  options: ReliabilityOptions;
  fuzz: FuzzPhase;
  crash: Omit<CrashPhase, 'server'>;
  twoProcesses: TwoProcessPhase;
  seconds: { fuzz: number; crash: number; twoProcesses: number };
  failures: string[];
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round((performance.now() - started) / 100) / 10];
}

/** The posts signed in (demo accounts): the province's administrator, a city's, a county's. */
const POSTS = { 'province-admin': 'demo-admin', city: 'demo-city', county: 'demo-county' } as const;

/**
 * One database file through the three scenarios in turn: the fuzzer against the first server; that server killed
 * under load and restarted, `restarts` times; the last one joined by a second process. The sessions signed in at
 * the start are used to the end.
 */
export async function runReliability(options: ReliabilityOptions, progress: (line: string) => void = () => {}): Promise<ReliabilityReport> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-reliability-'));
  const servers = new Servers(`file:${join(dir, 'reliability.db')}`);
  try {
    const first = await servers.start();
    const passwords = printedDemoPasswords(first.output);
    const sessions: Record<string, Session> = {};
    for (const [post, login] of Object.entries(POSTS)) sessions[post] = await signIn(first.url, login, passwords.get(login) ?? '');
    const pair: [Session, Session] = [sessions['province-admin']!, sessions.city!];
    progress(`1/3 fuzzer: ${options.budget} requests, seed ${options.seed}`);
    const [fuzz, fuzzSeconds] = await timed(() => runFuzzPhase(first.url, servers.url, sessions, options));
    progress(`2/3 SIGKILL under load and restart: ${options.restarts} rounds`);
    const [crash, crashSeconds] = await timed(() => runCrashPhase(servers, first, pair, options));
    progress('3/3 two processes writing at once');
    const [twoProcesses, twoSeconds] = await timed(() => runTwoProcessPhase(servers, crash.server, pair, options));
    const failures = [
      ...fuzz.failures.map((f) => `fuzzer: ${f.request}: ${f.problem}`),
      ...(fuzz.checksumBefore === fuzz.checksumAfter ? [] : ['fuzzer: the data checksum changed though only refused writes were sent']),
      ...crash.failures.map((f) => `SIGKILL: ${f}`),
      ...twoProcesses.failures.map((f) => `two processes: ${f}`),
    ];
    // what the servers logged of their unexpected errors, to find the cause of a 5xx
    if (failures.length) failures.push(...servers.errorLines().slice(0, 10).map((line) => `server log: ${line.slice(0, 1500)}`));
    return { options, fuzz, crash, twoProcesses, seconds: { fuzz: fuzzSeconds, crash: crashSeconds, twoProcesses: twoSeconds }, failures };
  } finally {
    await servers.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

const count = (byClass: Record<string, number>, cls: string) => byClass[cls] ?? 0;
const mergeClasses = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(['2xx', '3xx', '4xx', '5xx'].map((c) => [c, count(a, c) + count(b, c)]));
const classes = (byClass: Record<string, number>) => ['2xx', '3xx', '4xx', '5xx'].map((c) => `${c} ${count(byClass, c)}`).join(' · ');

/** The figures as the script prints them and docs/reliability.md records them. */
export function formatReliability(report: ReliabilityReport): string {
  const { fuzz, crash, twoProcesses: two } = report;
  const statuses = Object.entries(fuzz.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ');
  const twoClasses = mergeClasses(two.ledger.statuses, two.data.statuses);
  return [
    `seed ${report.options.seed} · ${cpus().length} CPU (${cpus()[0]?.model.trim() ?? '?'}) · Node ${process.versions.node}`,
    '',
    `1. Fuzzer (${report.seconds.fuzz} s): ${fuzz.operations} operations of the OpenAPI document, ${fuzz.sent} requests sent`,
    `   statuses: ${classes(fuzz.byClass)} (${statuses})`,
    `   5xx = ${count(fuzz.byClass, '5xx')} · hangs = ${fuzz.hangs} · closed without answer = ${fuzz.noAnswer} · error answers not {error:{code,message}} in Chinese = ${fuzz.badShape}`,
    `   signed-in writes with the CSRF token answered 2xx: ${fuzz.acceptedWrites.length} (import dry runs answer their report with 200)`,
    `   data checksum ${fuzz.checksumBefore === fuzz.checksumAfter ? 'equal' : 'CHANGED'}: ${fuzz.checksumAfter.slice(0, 16)}… over ${fuzz.tablesHashed.length} tables (left out: ${fuzz.tablesExcluded.join(', ')})`,
    `2. SIGKILL under load (${report.seconds.crash} s): restarts survived ${crash.survived}/${crash.restarts} · writes answered 2xx before the kills ` +
      `${crash.ledger.acked + crash.data.rounds.length + crash.data.imports.length} (notes ${crash.ledger.notes.size}, settings ${crash.ledger.acked - crash.ledger.notes.size}, ` +
      `reallocation rounds ${crash.data.rounds.length}, imports ${crash.data.imports.length}), all there: ${crash.failures.length ? 'NO' : 'yes'}`,
    `   statuses: ${classes(mergeClasses(crash.ledger.statuses, crash.data.statuses))} · cut off by the kills: ${crash.ledger.unanswered}`,
    `3. Two processes on one file (${report.seconds.twoProcesses} s): writes answered 2xx ${two.ledger.acked + two.data.rounds.length + two.data.imports.length} ` +
      `(notes ${two.ledger.notes.size}, settings ${two.ledger.acked - two.ledger.notes.size}, reallocation rounds ${two.data.rounds.length}, imports ${two.data.imports.length})`,
    `   statuses: ${classes(twoClasses)} · SQLITE_BUSY reaching a user: ${[...two.ledger.problems, ...two.data.problems].filter((p) => /BUSY|locked/i.test(p)).length}`,
    '',
    report.failures.length ? `FAILED: ${report.failures.length} problem(s)\n${report.failures.slice(0, 50).map((f) => `  - ${f}`).join('\n')}` : 'PASSED: no 5xx, no hang, checksum equal, every acknowledged write survived',
  ].join('\n');
}
