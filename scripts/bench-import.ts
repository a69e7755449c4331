/**
 * `npm run bench -- --import`: writeDataBatch of a year of classes (the demo's 2020, ~26,000 rows, plus its audits
 * in a second file) into a database with the regions, against the floor — the sqlite3 command line `.import` of the
 * same rows as CSV into a bare table — measured in the same run. Each figure is the median of three fresh runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassImportRow } from '@dispatch/core';
import { generateDemoData, prepareDb, readRegionRegistry, writeDataBatch } from '@dispatch/db';

const RUNS = 3;
const actor = { actorId: null, actorLogin: 'bench', address: null };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function yearOfClasses(): { types: { code: string; name: string }[]; rows: ClassImportRow[] } {
  const data = generateDemoData(readRegionRegistry(), { years: [2020] });
  const institutions = new Map(data.institutions.map((i) => [i.id, i.name]));
  const occupations = new Map(data.occupations.map((o) => [o.id, o.name]));
  const types = new Map(data.trainingTypes.map((t) => [t.id, t.code]));
  const rows = data.classes.map((c) => ({
    classNo: c.classNo, regionCode: c.regionCode, institution: institutions.get(c.institutionId)!, occupation: occupations.get(c.occupationId)!,
    trainingType: types.get(c.trainingTypeId)!, openedOn: c.openedOn, finishedOn: c.finishedOn, enrolled: c.enrolled, completed: c.completed,
    subsidised: c.subsidised, subsidyStandard: c.subsidyStandard, exception: null,
  }));
  return { types: data.trainingTypes.map(({ code, name }) => ({ code, name })), rows };
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

async function writeMs(dir: string, rows: ClassImportRow[], types: { code: string; name: string }[], run: number): Promise<{ ms: number; second: number }> {
  const { db } = await prepareDb({ url: `file:${join(dir, `import-${run}.db`)}`, demo: false });
  try {
    // the training-type catalogue is reference data the demo brings; a database without the demo gets it first
    await writeDataBatch(db, { kind: 'import', label: 'catalogue', trainingTypes: types }, { actor });
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

export async function benchImport(): Promise<void> {
  const { rows, types } = yearOfClasses();
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-import-'));
  try {
    const floors: number[] = [];
    const writes: number[] = [];
    const seconds: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      floors.push(floorMs(dir, rows, run));
      const { ms, second } = await writeMs(dir, rows, types, run);
      writes.push(ms);
      seconds.push(second);
    }
    const f = median(floors);
    console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}\n`);
    console.log('| import of a year of classes | rows | median ms | floor: sqlite3 .import ms | ratio |');
    console.log('|---|---|---|---|---|');
    console.log(`| writeDataBatch, new rows | ${rows.length.toLocaleString()} | ${median(writes).toFixed(0)} | ${f.toFixed(0)} | ${(median(writes) / f).toFixed(2)}× |`);
    console.log(`| writeDataBatch, the same file again (all unchanged) | ${rows.length.toLocaleString()} | ${median(seconds).toFixed(0)} | ${f.toFixed(0)} | ${(median(seconds) / f).toFixed(2)}× |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
