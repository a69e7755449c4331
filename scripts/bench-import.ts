/**
 * `npm run bench -- --import`: writeDataBatch of a year of classes (the demo's 2020, ~26,000 rows, plus its audits
 * in a second file) into a database with the regions, against the floor — the sqlite3 command line `.import` of the
 * same rows as CSV into a bare table — measured in the same run. Each figure is the median of three fresh runs.
 * The pipeline rows add what POST /api/imports does before the write: the same year as a file with Chinese headers
 * (a CSV, and an .xlsx) read, headers mapped, every row validated (readImport), then written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassImportRow } from '@dispatch/core';
import { makeXlsx, readImport } from '@dispatch/api/testing';
import { generateDemoData, getImportContext, prepareDb, readRegionRegistry, writeDataBatch } from '@dispatch/db';

const RUNS = 3;
const actor = { actorId: null, actorLogin: 'bench', address: null };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function yearOfClasses(): ClassImportRow[] {
  const data = generateDemoData(readRegionRegistry(), { years: [2020] });
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
// The demo's classes still running at the end of 2020 carry their expected completions; a file of the platform leaves
// them blank until the class finishes (the importer's rule), so the file does too.
const cellsOf = (r: ClassImportRow) => [
  r.classNo, r.regionCode, r.institution, r.occupation, r.trainingType, r.openedOn, r.finishedOn ?? '', r.enrolled,
  r.finishedOn ? r.completed : '', r.finishedOn ? r.subsidised : '', r.subsidyStandard,
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

export async function benchImport(): Promise<void> {
  const rows = yearOfClasses();
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-import-'));
  try {
    const floors: number[] = [];
    const writes: number[] = [];
    const seconds: number[] = [];
    const csv = csvOf(rows);
    const xlsx = await makeXlsx({ 培训班: [HEADERS, ...rows.map(cellsOf)] });
    const pipelines: Record<'csv' | 'xlsx', number[]> = { csv: [], xlsx: [] };
    for (let run = 0; run < RUNS; run++) {
      pipelines.csv.push(await pipelineMs(dir, 'classes.csv', csv, run));
      pipelines.xlsx.push(await pipelineMs(dir, 'classes.xlsx', xlsx, run));
      floors.push(floorMs(dir, rows, run));
      const { ms, second } = await writeMs(dir, rows, run);
      writes.push(ms);
      seconds.push(second);
    }
    const f = median(floors);
    console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}\n`);
    console.log('| import of a year of classes | rows | median ms | floor: sqlite3 .import ms | ratio |');
    console.log('|---|---|---|---|---|');
    console.log(`| writeDataBatch, new rows | ${rows.length.toLocaleString()} | ${median(writes).toFixed(0)} | ${f.toFixed(0)} | ${(median(writes) / f).toFixed(2)}× |`);
    for (const format of ['csv', 'xlsx'] as const) {
      const ms = median(pipelines[format]);
      console.log(`| the route's pipeline: ${format} read, validated, written | ${rows.length.toLocaleString()} | ${ms.toFixed(0)} | ${f.toFixed(0)} | ${(ms / f).toFixed(2)}× |`);
    }
    console.log(`| writeDataBatch, the same file again (all unchanged) | ${rows.length.toLocaleString()} | ${median(seconds).toFixed(0)} | ${f.toFixed(0)} | ${(median(seconds) / f).toFixed(2)}× |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
