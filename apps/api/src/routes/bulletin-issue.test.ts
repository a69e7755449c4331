/**
 * Issuing the monthly bulletin over real HTTP, on the demo data: numbered and frozen (the stored files' SHA-256 are
 * the downloads' own), refused twice for a month, untouched by later writes of data, corrected as a new version.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { beijingDate, bulletinFileName, type BulletinDocument, type IssuedBulletin } from '@dispatch/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();
const dir = mkdtempSync(join(tmpdir(), 'bulletin-issue-'));
let server: ServerType;
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');
const get = (path: string) => fetch(base + path, { headers: { ...api.session.read, origin: base } });
const post = async (path: string, body?: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { ...api.session.write, origin: base }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
};
async function download(id: number, format: 'pdf' | 'docx' | 'xlsx') {
  const response = await get(`/api/bulletins/${id}.${format}`);
  expect(response.status).toBe(200);
  return { response, file: Buffer.from(await response.arrayBuffer()) };
}
const draft = async (): Promise<BulletinDocument> => (await (await get('/api/bulletins/draft?period=2020-05')).json()) as BulletinDocument;
const bodyText = (doc: BulletinDocument) => doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
function pdfText(file: Buffer, name: string) {
  const path = join(dir, name);
  writeFileSync(path, file);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

describe('draft → issue → correct', () => {
  let issued: IssuedBulletin;
  const files: Partial<Record<'pdf' | 'docx' | 'xlsx', Buffer>> = {};

  test('issuing a month numbers it (the year’s first: 第1期, 湘人社函〔year〕1号), dates it today and freezes its three files', async () => {
    const response = await post('/api/bulletins', { period: '2020-05' });
    expect(response.status).toBe(201);
    issued = response.body;
    const today = beijingDate(new Date());
    expect(issued).toMatchObject({ period: '2020-05', number: 1, version: 1, correctionOf: null, documentNumber: `湘人社函〔${today.slice(0, 4)}〕1号`, issuedBy: expect.any(String), latest: true });
    expect(issued.sha256.pdf).toMatch(/^[0-9a-f]{64}$/);
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const { response: answer, file } = await download(issued.id, format);
      expect(sha256(file), format).toBe(issued.sha256[format]);
      expect(answer.headers.get('etag')).toBe(`"${issued.sha256[format]}"`);
      expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent(bulletinFileName({ period: '2020-05', issueNumber: 1, version: 1 }, format)));
      files[format] = file;
    }
    const text = pdfText(files.pdf!, 'issued.pdf');
    expect(text).toContain('第1期');
    expect(text).toContain(`湘人社函〔${today.slice(0, 4)}〕1号`);
    expect(text).not.toContain('草稿');
  });

  test('issuing the same month again is refused: 409, saying when and which issue, and nothing is stored', async () => {
    const response = await post('/api/bulletins', { period: '2020-05' });
    expect(response.status).toBe(409);
    const day = beijingDate(new Date(issued.issuedAt)).split('-').map(Number);
    expect(response.body.error.message).toBe(`2020年1—5月的通报已于${day[0]}年${day[1]}月${day[2]}日印发（第1期），如需修改请发布更正`);
    expect((await (await get('/api/bulletins')).json() as { bulletins: IssuedBulletin[] }).bulletins).toHaveLength(1);
  });

  test('another month of the year gets the next number', async () => {
    const response = await post('/api/bulletins', { period: '2020-04' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ period: '2020-04', number: 2, version: 1 });
  });

  test('a write changing the month’s numbers leaves the issued files byte-identical; the next draft shows the new numbers', async () => {
    const before = bodyText(await draft());
    const round = await post('/api/reallocations', { date: '2020-05-20', documentNumber: '湘人社函〔2020〕99号', note: '通报测试', lines: [{ regionCode: '430182', amount: 500_000 }] });
    expect(round.status).toBe(201);
    const after = bodyText(await draft());
    expect(before).not.toContain('湘人社函〔2020〕99号');
    expect(after).toContain('湘人社函〔2020〕99号');
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const { file } = await download(issued.id, format);
      expect(file.equals(files[format]!), format).toBe(true);
    }
    expect(pdfText(files.pdf!, 'still.pdf')).not.toContain('湘人社函〔2020〕99号');
  });

  test('a correction is version 2 of the same issue, linked to version 1, from the current data; both stay downloadable', async () => {
    const response = await post(`/api/bulletins/${issued.id}/correct`);
    expect(response.status).toBe(201);
    const corrected = response.body as IssuedBulletin;
    expect(corrected).toMatchObject({ period: '2020-05', number: 1, version: 2, correctionOf: issued.id, documentNumber: issued.documentNumber, latest: true });
    const { file, response: answer } = await download(corrected.id, 'pdf');
    expect(sha256(file)).toBe(corrected.sha256.pdf);
    expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent('2020年1—5月通报（第1期更正）.pdf'));
    const text = pdfText(file, 'corrected.pdf');
    expect(text).toContain('第1期（更正）');
    expect(text.replace(/\s+/g, '')).toContain('湘人社函〔2020〕99号');
    expect(sha256((await download(issued.id, 'pdf')).file)).toBe(issued.sha256.pdf);

    const { bulletins } = (await (await get('/api/bulletins')).json()) as { bulletins: IssuedBulletin[] };
    expect(bulletins.map((b) => [b.period, b.number, b.version, b.latest])).toEqual([['2020-05', 1, 2, true], ['2020-04', 2, 1, true], ['2020-05', 1, 1, false]]);
  });

  test('only the latest version of a month is corrected; an unknown bulletin is a 404', async () => {
    const stale = await post(`/api/bulletins/${issued.id}/correct`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('第1期已有更正（第2版），只能更正该月的最新版本');
    expect((await post('/api/bulletins/999/correct')).status).toBe(404);
    expect((await get('/api/bulletins/999.pdf')).status).toBe(404);
    expect((await get('/api/bulletins/1.doc')).status).toBe(400);
  });

  test('the audit log has the issues and the correction, with their hashes', async () => {
    const lines = (await api.db.$client.execute("SELECT action, detail FROM audit_log WHERE action LIKE 'bulletin.%' AND action != 'bulletin.edit' ORDER BY id")).rows;
    const details = lines.map((r) => [r.action, JSON.parse(String(r.detail))]);
    expect(details.map(([action, d]) => [action, d.period, d.issueNumber, d.version])).toEqual([
      ['bulletin.issue', '2020-05', 1, 1], ['bulletin.issue', '2020-04', 2, 1], ['bulletin.correct', '2020-05', 1, 2],
    ]);
    expect(details[0]![1].sha256).toEqual(issued.sha256);
  });
});
