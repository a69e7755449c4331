/**
 * `npm run bench -- --import`: writeDataBatch of a year of classes (the demo's 2020, ~26,000 rows) and of five years
 * (2020–2024) into a database with the regions, against the floor — the sqlite3 command line `.import` of the
 * same rows as CSV into a bare table — measured in the same run. Each figure is the median of five fresh runs (the
 * machine is shared: medians of three moved too much from run to run). The pipeline rows add what POST /api/imports
 * does before the write: the same year as a file with Chinese headers (a CSV, and an .xlsx) read, headers mapped,
 * every row validated (readImport), then written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassImportRow } from '@dispatch/core';
import { makeXlsx, readImport } from '@dispatch/api/testing';
import { generateDemoData, getImportContext, prepareDb, readRegionRegistry, writeDataBatch } from '@dispatch/db';

const RUNS = 5;
const actor = { actorId: null, actorLogin: 'bench', address: null };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

/** The floor: the sqlite3 CLI importing the same rows from CSV into a bare table (process start included). */
function floorMs(dir: string, rows: ClassImportRow[], run: number): number {
  const csv = join(dir, `classes-${run}.csv`);
  const columns = Object.keys(rows[0]!) as (keyof ClassImportRow)[];
  writeFileSync(csv, rows.map((r) => columns.map((c) => r[c] ?? '').join(',')).join('\n') + '\n');
  const file = join(dir, `floor-${run}.db`);
  execFileSync('sqlite3', [file, `CREATE TABLE classes (${columns.join(', ')})`]);
  const started = performance.now();
  execFileSync('sqlite3', [file, '.mode csv', `.import ${csv} classes`]);
  return performance.now() - started;
}

async function writeMs(dir: string, rows: ClassImportRow[], run: number): Promise<{ ms: number; second: number }> {
  const { db } = await prepareDb({ url: `file:${join(dir, `import-${run}.db`)}`, demo: false });
  try {
    // the training-type catalogue the rows name is seeded by the migrations
    const started = performance.now();
    const result = await writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', fileName: 'bench.csv', classes: rows }, { actor });
    const ms = performance.now() - started;
    if (result.inserted !== rows.length) throw new Error(`inserted ${result.inserted} of ${rows.length}`);
    // the same file again: every row compared, nothing written
    const again = performance.now();
    await writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', classes: rows }, { actor });
    return { ms, second: performance.now() - again };
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

/** What the route does with an upload: read, map, validate every row, then write. */
async function pipelineMs(dir: string, name: string, bytes: Uint8Array, run: number): Promise<number> {
  const { db } = await prepareDb({ url: `file:${join(dir, `pipeline-${name}-${run}.db`)}`, demo: false });
  try {
    const started = performance.now();
    const read = await readImport('classes', name, bytes, await getImportContext(db, 'classes'));
    if (!read.report.ok) throw new Error(`${name}: ${JSON.stringify(read.report.errors.slice(0, 3))}`);
    await writeDataBatch(db, { kind: 'import', label: 'bench', importKind: 'classes', fileName: name, classes: read.rows }, { actor });
    return performance.now() - started;
  } finally {
    db.$client.close();
  }
}

interface Figures {
  file: string;
  rows: number;
  floor: number;
  variants: [string, number][];
}

/** Every variant RUNS times on fresh databases, with the floor of the same rows in the same runs; medians. */
async function measure(parent: string, file: string, rows: ClassImportRow[], withXlsx: boolean): Promise<Figures> {
  const dir = mkdtempSync(join(parent, 'files-'));
  const floors: number[] = [];
  const writes: number[] = [];
  const seconds: number[] = [];
  const csv = csvOf(rows);
  const xlsx = withXlsx ? await makeXlsx({ 培训班: [HEADERS, ...rows.map(cellsOf)] }) : null;
  const pipelines: Record<'csv' | 'xlsx', number[]> = { csv: [], xlsx: [] };
  for (let run = 0; run < RUNS; run++) {
    pipelines.csv.push(await pipelineMs(dir, 'classes.csv', csv, run));
    if (xlsx) pipelines.xlsx.push(await pipelineMs(dir, 'classes.xlsx', xlsx, run));
    floors.push(floorMs(dir, rows, run));
    const { ms, second } = await writeMs(dir, rows, run);
    writes.push(ms);
    seconds.push(second);
  }
  const variants: [string, number][] = [
    ['writeDataBatch, new rows', median(writes)],
    ["the route's pipeline: csv read, validated, written", median(pipelines.csv)],
    ...(xlsx ? [["the route's pipeline: xlsx read, validated, written", median(pipelines.xlsx)] as [string, number]] : []),
    ['writeDataBatch, the same file again (all unchanged)', median(seconds)],
  ];
  return { file, rows: rows.length, floor: median(floors), variants };
}

export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-import-'));
  try {
    const figures = [
      await measure(dir, 'a year (2020)', classesOf([2020]), true),
      await measure(dir, 'five years (2020–2024)', classesOf([2020, 2021, 2022, 2023, 2024]), false),
    ];
    console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}\n`);
    console.log('| import of classes | file | rows | median ms | floor: sqlite3 .import ms | ratio |');
    console.log('|---|---|---|---|---|---|');
    for (const { file, rows, floor, variants } of figures) {
      for (const [name, ms] of variants) {
        console.log(`| ${name} | ${file} | ${rows.toLocaleString()} | ${ms.toFixed(0)} | ${floor.toFixed(0)} | ${(ms / floor).toFixed(2)}× |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
