import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassImportRow } from '@dispatch/core';
import { configureDb, createDb, type Db } from '../client.ts';
import { prepareDb } from '../prepare-db.ts';
import { checkpointWal } from '../queries/checkpoint-wal.ts';

let template: string | undefined;

/** A file database with the 2020 demo, copied from one prepared once per test file. Tests only. */
export async function demoFileDb(): Promise<{ db: Db; file: string; url: string }> {
  if (!template) {
    template = join(mkdtempSync(join(tmpdir(), 'dispatch-wp-')), 'template.db');
    const { db } = await prepareDb({ url: `file:${template}` });
    await checkpointWal(db); // the WAL into the file, which alone is copied (a write leaves its checkpoint to just after it)
    db.$client.close();
  }
  const file = join(mkdtempSync(join(tmpdir(), 'dispatch-wp-')), 'test.db');
  copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb({ url });
  await configureDb(db, { url });
  return { db, file, url };
}

/** A class as an import gives it, in 长沙市芙蓉区 unless told. */
export function classRow(classNo: string, over: Partial<ClassImportRow> = {}): ClassImportRow {
  return {
    classNo, regionCode: '430102', institution: '长沙测试职业培训学校', occupation: '电工', trainingType: 'employment',
    openedOn: '2020-03-02', finishedOn: null, enrolled: 40, completed: 0, subsidised: 0, subsidyStandard: 1500, exception: null,
    ...over,
  };
}
