import type { KnownReferences, StagedChunk } from '@dispatch/db/staging';
import { describe, expect, test } from 'vitest';
import { classesInWorker, ClassesRefusedError, endIdleImportWorker, warmImportWorker } from './classes-in-worker.ts';
import { testImportContext } from './testing.ts';

const HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
const known: KnownReferences = {
  institutions: new Map(), occupations: new Map(), trainingTypes: new Map([['work-in-lieu', 3], ['以工代训', 3]]), nextInstitutionId: 10, nextOccupationId: 20,
};

/** A CSV of `rows` classes; the rows at the indexes `bad` finish before they open. */
function csv(rows: number, bad: number[] = []) {
  const lines = [HEADERS.join(',')];
  for (let i = 0; i < rows; i++) {
    lines.push([`W-${i}`, '430182', '宁乡市职业技术培训学校', '育婴员', '以工代训', '2021-02-05', bad.includes(i) ? '2021-01-01' : '2021-02-25', 40, 38, 30, 1100].join(','));
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function drain(chunks: AsyncIterable<StagedChunk>) {
  const got: [number, number][] = [];
  for await (const chunk of chunks) got.push([chunk.first, chunk.rows]);
  return got;
}

describe('classesInWorker', () => {
  test('a good file: its chunks in order (500 rows, then 2,500 at a time) as records of bytes, each new name given an id once, then the summary and the report', async () => {
    const stream = await classesInWorker('培训班.csv', csv(12_000), await testImportContext());
    const seen: StagedChunk[] = [];
    for await (const chunk of stream.chunks(known)) seen.push(chunk);
    expect(seen.map((c) => [c.first, c.rows])).toEqual([[0, 500], [500, 2_500], [3_000, 2_500], [5_500, 2_500], [8_000, 2_500], [10_500, 1_500]]);
    // moved from the worker whole: W-8000 … W-10499, a record of 96 + 3 + 7 bytes (the longest number) per class
    const fifth = seen[4]!.source;
    expect(fifth).toMatchObject({ format: 'records', width: 106 });
    expect(fifth.format === 'records' && Buffer.from(fifth.bytes).toString('latin1', 0, 106)).toBe(
      '430182' + '0000000010' + '0000000020' + '0000000003' + '2021-02-05' + '2021-02-25' + '0000000040' + '0000000038' + '0000000030' + '0000001100' + '006' + 'W-8000' + '0',
    );
    expect(fifth.format === 'records' && fifth.bytes.length).toBe(2_500 * 106);
    expect(seen.flatMap((c) => c.newInstitutions)).toEqual([{ name: '宁乡市职业技术培训学校', regionCode: '430182', id: 10, index: 0 }]);
    expect(seen.flatMap((c) => c.newOccupations)).toEqual([{ name: '育婴员', id: 20, index: 0 }]);
    expect(stream.summary().count).toBe(12_000);
    expect(stream.read().report).toMatchObject({ ok: true, rows: 12_000, errors: [] });
    expect(stream.read().rowNumbers.slice(0, 3)).toEqual([2, 3, 4]);
    expect(stream.read().years).toEqual([2021]);
  });

  test('a problem stops the stream at once, before the rest is checked; the report that follows names every problem', async () => {
    const stream = await classesInWorker('培训班.csv', csv(12_000, [1, 11_999]), await testImportContext());
    const stopped = await drain(stream.chunks(known)).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ClassesRefusedError);
    expect((stopped as ClassesRefusedError).read).toBeUndefined(); // not waiting for the last row's check
    const { report } = await stream.finished;
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '结业日期'], [12_001, '结业日期']]);
  });

  test('a problem only in the last row: the stream ends with the report; a file that cannot be read, at once', async () => {
    const late = await classesInWorker('培训班.csv', csv(3, [2]), await testImportContext());
    const refused = await drain(late.chunks(known)).catch((error: unknown) => error);
    expect((refused as ClassesRefusedError).read?.report.errors.map((e) => e.row)).toEqual([4]);
    const unreadable = await classesInWorker('培训班.pdf', new TextEncoder().encode('%PDF-1.7'), await testImportContext());
    const answer = await drain(unreadable.chunks(known)).catch((error: unknown) => error);
    expect((answer as ClassesRefusedError).read?.report).toMatchObject({ ok: false, rows: 0 });
  });

  test('rows checked before the write transaction sends its references are staged once they come, in order', async () => {
    const stream = await classesInWorker('培训班.csv', csv(6_000), await testImportContext());
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker checks the whole file meanwhile
    expect(await drain(stream.chunks(known))).toEqual([[0, 500], [500, 2_500], [3_000, 2_500], [5_500, 500]]);
    expect(stream.summary().count).toBe(6_000);
    // and a job closed while its checked rows wait for the references: the next file is not held up
    const waiting = await classesInWorker('培训班.csv', csv(3_000), await testImportContext());
    await new Promise((resolve) => setTimeout(resolve, 200));
    waiting.close();
    const next = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    expect(await drain(next.chunks(known))).toEqual([[0, 10]]);
  });

  test('a job closed before its rows are asked for does not hold up the next file', async () => {
    const dropped = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    dropped.close();
    const next = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    expect(await drain(next.chunks(known))).toEqual([[0, 10]]);
  });

  test('warmed as a file of classes begins to arrive: started once, idle until the file comes, which it then reads', async () => {
    await endIdleImportWorker();
    expect(await endIdleImportWorker()).toBe(false); // none runs
    warmImportWorker();
    warmImportWorker(); // one is enough
    expect(await endIdleImportWorker()).toBe(true); // it ran, idle
    warmImportWorker();
    const next = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    expect(await drain(next.chunks(known))).toEqual([[0, 10]]);
  });

  test('an idle worker is ended (its heap given back), never one reading a file; the next file starts another', async () => {
    const reading = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    expect(await endIdleImportWorker()).toBe(false); // a job under way
    expect(await drain(reading.chunks(known))).toEqual([[0, 10]]);
    expect(await endIdleImportWorker()).toBe(true);
    expect(await endIdleImportWorker()).toBe(false); // none left
    const next = await classesInWorker('培训班.csv', csv(10), await testImportContext());
    expect(await drain(next.chunks(known))).toEqual([[0, 10]]);
  });
});
