/**
 * `npm run bench -- --import`: writeDataBatch of a year of classes (the demo's 2020, ~26,000 rows) and of five years
 * (2020–2024) into a database with the regions, against the floor — the sqlite3 command line `.import` of the
 * same rows as CSV into a bare table — measured in the same run. Each figure is the median of five fresh runs (the
 * machine is shared: medians of three moved too much from run to run). The pipeline rows are what POST /api/imports
 * does with a file of classes: the same rows as a file with Chinese headers (a CSV, and an .xlsx) read, headers
 * mapped and every row validated in the import worker (classesInWorker) while writeDataBatch writes the rows checked
 * so far. A first run of the CSV, not counted in the medians, starts the worker: it is shown on its own row (a file
 * after a server start, or after the worker ended idle; the route warms the worker while the file uploads). Before,
 * that run was one of the five, so a median was the second slowest of four warm runs. Each is timed by the clock
 * and by CPU (this process's, both threads; the floor's from GNU time): on a shared machine the CPU ratio moves less
 * with other work than the clock's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassImportRow } from '@dispatch/core';
import { classesInWorker, endIdleImportWorker, makeXlsx } from '@dispatch/api/testing';
import { generateDemoData, getImportContext, prepareDb, readRegionRegistry, writeDataBatch } from '@dispatch/db';

const RUNS = 5;
const actor = { actorId: null, actorLogin: 'bench', address: null };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall-clock and CPU time (user + system, ms) of one measured piece of work. */
interface Took {
  ms: number;
  cpu: number;
}

/**
 * Times `work` by the clock and by this process's CPU (its threads: the main one, where libSQL runs, and the
 * garbage collector's). The CPU figure moves less with the load of a shared machine than the clock does.
 */
async function timed<T>(work: () => Promise<T>): Promise<Took & { value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpu: (used.user + used.system) / 1000, value };
}

function classesOf(years: number[]): ClassImportRow[] {
  const data = generateDemoData(readRegionRegistry(), { years });
  const institutions = new Map(data.institutions.map((i) => [i.id, i.name]));
  const occupations = new Map(data.occupations.map((o) => [o.id, o.name]));
  const types = new Map(data.trainingTypes.map((t) => [t.id, t.code]));
  const rows = data.classes.map((c) => ({
    classNo: c.classNo, regionCode: c.regionCode, institution: institutions.get(c.institutionId)!, occupation: occupations.get(c.occupationId)!,
    trainingType: types.get(c.trainingTypeId)!, openedOn: c.openedOn, finishedOn: c.finishedOn, enrolled: c.enrolled, completed: c.completed,
    subsidised: c.subsidised, subsidyStandard: c.subsidyStandard, exception: null,
  }));
  return rows;
}

/**
 * The floor: the sqlite3 CLI importing the same rows from CSV into a bare table (process start included); its CPU
 * as GNU time reports it (to 10 ms).
 */
function floorMs(dir: string, rows: ClassImportRow[], run: number): Took {
  const csv = join(dir, `classes-${run}.csv`);
  const columns = Object.keys(rows[0]!) as (keyof ClassImportRow)[];
  writeFileSync(csv, rows.map((r) => columns.map((c) => r[c] ?? '').join(',')).join('\n') + '\n');
  const file = join(dir, `floor-${run}.db`);
  execFileSync('sqlite3', [file, `CREATE TABLE classes (${columns.join(', ')})`]);
  const started = performance.now();
  const times = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sqlite3', file, '.mode csv', `.import ${csv} classes`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const [user, system] = times.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (times.status !== 0 || !Number.isFinite(user) || !Number.isFinite(system)) throw new Error(`sqlite3 .import: ${times.stderr}`);
  return { ms, cpu: (user! + system!) * 1000 };
}

async function writeMs(dir: string, rows: ClassImportRow[], run: number): Promise<{ first: Took; second: Took }> {
  const { db } = await prepareDb({ url: `file:${join(dir, `import-${run}.db`)}`, demo: false });
  try {
    // the training-type catalogue the rows name is seeded by the migrations
    const first = await timed(() => writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', fileName: 'bench.csv', classes: rows }, { actor }));
    if (first.value.inserted !== rows.length) throw new Error(`inserted ${first.value.inserted} of ${rows.length}`);
    // the same file again: every row compared, nothing written
    const second = await timed(() => writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', classes: rows }, { actor }));
    return { first, second };
  } finally {
    db.$client.close();
  }
}

const HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
// The demo's classes still running at the end of its last year have nobody completed yet, as the importer requires.
const cellsOf = (r: ClassImportRow) => [
  r.classNo, r.regionCode, r.institution, r.occupation, r.trainingType, r.openedOn, r.finishedOn ?? '', r.enrolled, r.completed, r.subsidised, r.subsidyStandard,
];
const csvOf = (rows: ClassImportRow[]) => new TextEncoder().encode([HEADERS, ...rows.map(cellsOf)].map((cells) => cells.join(',')).join('\r\n') + '\r\n');

/**
 * What the route does with an upload of classes: read, map and check every row in the import worker while the write
 * transaction stages the rows checked so far, then the rest of the write.
 */
async function pipelineMs(dir: string, name: string, bytes: Uint8Array, run: number): Promise<Took> {
  const { db } = await prepareDb({ url: `file:${join(dir, `pipeline-${name}-${run}.db`)}`, demo: false });
  try {
    return await timed(async () => {
      const stream = await classesInWorker(name, bytes, await getImportContext(db, 'classes'));
      const written = await writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', fileName: name, classStream: stream }, { actor });
      if (!stream.read().report.ok || written.inserted !== stream.read().report.rows) throw new Error(`${name}: ${JSON.stringify(stream.read().report.errors.slice(0, 3))}`);
    });
  } finally {
    db.$client.close();
  }
}

interface Figures {
  file: string;
  rows: number;
  floor: Took;
  variants: [string, Took][];
}

const medianOf = (runs: Took[]): Took => ({ ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)) });

/** Every variant RUNS times on fresh databases, with the floor of the same rows in the same runs; medians. */
async function measure(parent: string, file: string, rows: ClassImportRow[], withXlsx: boolean): Promise<Figures> {
  const dir = mkdtempSync(join(parent, 'files-'));
  const floors: Took[] = [];
  const writes: Took[] = [];
  const seconds: Took[] = [];
  const csv = csvOf(rows);
  const xlsx = withXlsx ? await makeXlsx({ 培训班: [HEADERS, ...rows.map(cellsOf)] }) : null;
  const pipelines: Record<'csv' | 'xlsx', Took[]> = { csv: [], xlsx: [] };
  await endIdleImportWorker(); // started by the previous file's runs: this one's first run starts it again
  const cold = await pipelineMs(dir, 'classes.csv', csv, -1);
  for (let run = 0; run < RUNS; run++) {
    pipelines.csv.push(await pipelineMs(dir, 'classes.csv', csv, run));
    if (xlsx) pipelines.xlsx.push(await pipelineMs(dir, 'classes.xlsx', xlsx, run));
    floors.push(floorMs(dir, rows, run));
    const { first, second } = await writeMs(dir, rows, run);
    writes.push(first);
    seconds.push(second);
  }
  const variants: [string, Took][] = [
    ['writeDataBatch, new rows', medianOf(writes)],
    ["the route's pipeline: csv, the worker's first file (started with it; once, not a median)", cold],
    ["the route's pipeline: csv read, validated, written", medianOf(pipelines.csv)],
    ...(xlsx ? [["the route's pipeline: xlsx read, validated, written", medianOf(pipelines.xlsx)] as [string, Took]] : []),
    ['writeDataBatch, the same file again (all unchanged)', medianOf(seconds)],
  ];
  return { file, rows: rows.length, floor: medianOf(floors), variants };
}

export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-import-'));
  try {
    const figures = [
      await measure(dir, 'a year (2020)', classesOf([2020]), true),
      await measure(dir, 'five years (2020–2024)', classesOf([2020, 2021, 2022, 2023, 2024]), false),
    ];
    console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}\n`);
    console.log('| import of classes | file | rows | median ms | floor: sqlite3 .import ms | ratio | CPU ms | floor CPU ms | CPU ratio |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const { file, rows, floor, variants } of figures) {
      for (const [name, took] of variants) {
        const cells = [name, file, rows.toLocaleString(), took.ms.toFixed(0), floor.ms.toFixed(0), `${(took.ms / floor.ms).toFixed(2)}×`, took.cpu.toFixed(0), floor.cpu.toFixed(0), `${(took.cpu / floor.cpu).toFixed(2)}×`];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
