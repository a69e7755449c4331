/**
 * Backups started at the same moment (cron and a person, two terminals): each writes its own temporary file and takes
 * a name of its own — no copy overwritten, none failing on another's file. In process, on a real database file.
 */
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { backupDatabase } from './backup.ts';
import { embeddedFile, inspectFile } from './database-file.ts';
import { markerOf, runningServers } from './server-marker.ts';

let dir: string;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-backup-'));
  url = `file:${join(dir, 'dispatch.db')}`;
  const { db } = await prepareDb({ url, demo: false });
  db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('three backups within the same second each get a name of their own, all sound, no temporary file left', async () => {
  const now = new Date(2026, 10, 27, 2, 0, 0); // named in the machine's local time
  const to = join(dir, 'backups');
  const results = await Promise.all([1, 2, 3].map(() => backupDatabase({ url, dir: to, keep: 10, now })));
  const names = results.map((r) => basename(r.path)).sort();
  expect(names).toEqual(['dispatch-20261127-020000-2.db', 'dispatch-20261127-020000-3.db', 'dispatch-20261127-020000.db'].sort());
  for (const { path } of results) {
    expect(existsSync(path)).toBe(true);
    expect((await inspectFile(path)).problems).toEqual([]);
  }
  expect(readdirSync(to).filter((name) => name.endsWith('.partial'))).toEqual([]);
});

test('a database reached through a symbolic link is the file it points to: a restore through the link sees the servers on it', async () => {
  const real = join(dir, 'dispatch.db');
  const link = join(dir, 'link.db');
  symlinkSync(real, link);
  expect(embeddedFile(`file:${link}`)).toBe(realpathSync(real));
  // a server started on the real file is found by its marker when the link is named
  const marker = markerOf(realpathSync(real));
  writeFileSync(marker, `${process.pid}\n`);
  try {
    expect(runningServers(embeddedFile(`file:${link}`))).toEqual([process.pid]);
  } finally {
    rmSync(marker, { force: true });
  }
});
