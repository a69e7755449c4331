/**
 * Issuing the monthly bulletin over real HTTP, on the demo data: numbered and frozen (the stored files' SHA-256 are
 * the downloads' own), refused twice for a month, untouched by later writes of data, corrected as a new version.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beijingDate, bulletinFileName, type BulletinDocument, type IssuedBulletin } from '@dispatch/core';
import { createNote } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureAccount, signIn, listen, useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();
const dir = mkdtempSync(join(tmpdir(), 'bulletin-issue-'));
let server: Awaited<ReturnType<typeof listen>>;
let base = '';

beforeAll(async () => {
  server = await listen(api.app.fetch);
  base = server.base;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');
const get = (path: string) => fetch(base + path, { headers: { ...api.session.read, origin: base } });
const post = async (path: string, body?: unknown) => {
  const response = await fetch(base + path, { method: 'POST', headers: { ...api.session.write, origin: base }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
};
async function download(id: number, format: 'pdf' | 'docx' | 'xlsx', city?: string) {
  const response = await get(`/api/bulletins/${id}.${format}${city ? `?city=${city}` : ''}`);
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
  const extractFiles: Partial<Record<'pdf' | 'docx' | 'xlsx', Buffer>> = {};

  test('the draft carries what issuing now would give: today, 第1期 and its 文号, still marked 草稿', async () => {
    const today = beijingDate(new Date());
    const doc = await draft();
    expect([doc.date, doc.issueNumber, doc.documentNumber, doc.version]).toEqual([today, 1, `湘人社函〔${today.slice(0, 4)}〕1号`, 1]);
    const response = await get('/api/bulletins/draft?period=2020-05&format=pdf');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('2020年1—5月通报（草稿）.pdf'));
    const text = pdfText(Buffer.from(await response.arrayBuffer()), 'draft.pdf').replace(/\s+/g, '');
    expect(text).toContain(`第1期湘人社函〔${today.slice(0, 4)}〕1号（草稿）`);
  });

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
    // an issued file never changes: a client that has it (its ETag) is told so, with no body
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const again = await fetch(`${base}/api/bulletins/${issued.id}.${format}`, { headers: { ...api.session.read, origin: base, 'if-none-match': `"${issued.sha256[format]}"` } });
      expect(again.status, format).toBe(304);
      expect(again.headers.get('etag')).toBe(`"${issued.sha256[format]}"`);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      const other = await fetch(`${base}/api/bulletins/${issued.id}.${format}`, { headers: { ...api.session.read, origin: base, 'if-none-match': '"0000"' } });
      expect(other.status).toBe(200);
      await other.arrayBuffer();
    }
    const text = pdfText(files.pdf!, 'issued.pdf');
    expect(text).toContain('第1期');
    expect(text).toContain(`湘人社函〔${today.slice(0, 4)}〕1号`);
    expect(text).not.toContain('草稿');
  });

  test('its 14 city extracts are frozen with it: the stored bytes, ETag = SHA-256, named with 第N期; the PDF shows the city and 第1期', async () => {
    expect(issued.extracts).toBe(true);
    const stored = await api.db.$client.execute({ sql: 'SELECT city_code, pdf_sha256 FROM bulletin_extracts WHERE bulletin_id = ? ORDER BY city_code', args: [issued.id] });
    expect(stored.rows).toHaveLength(14);
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const { response, file } = await download(issued.id, format, '430100');
      expect(response.headers.get('etag')).toBe(`"${sha256(file)}"`);
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent(`2020年1—5月通报·长沙市摘编${format === 'xlsx' ? '附件' : ''}（第1期）.${format}`));
      extractFiles[format] = file;
    }
    expect(sha256(extractFiles.pdf!)).toBe(stored.rows[0]!.pdf_sha256);
    const text = pdfText(extractFiles.pdf!, 'extract.pdf').replace(/\s+/g, '');
    expect(text).toContain('长沙市');
    expect(text).toContain('第1期');
    expect(text).not.toContain('草稿');
    const other = pdfText((await download(issued.id, 'pdf', '433100')).file, 'extract-xiangxi.pdf').replace(/\s+/g, '');
    expect(other).toContain('湘西土家族苗族自治州');
  });

  test.each([
    ['a county', '430182', 400, '参数 city'],
    ['an unknown code', '439999', 400, '参数 city'],
    ['not a code', 'changsha', 400, 'city'],
  ])('?city= %s is a %i naming city', async (_, city, status, words) => {
    const response = await get(`/api/bulletins/${issued.id}.pdf?city=${city}`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(words);
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
      const { file: extract } = await download(issued.id, format, '430100');
      expect(extract.equals(extractFiles[format]!), `extract ${format}`).toBe(true);
    }
    expect(pdfText(files.pdf!, 'still.pdf')).not.toContain('湘人社函〔2020〕99号');
    // 430182 (浏阳市) is Changsha's: its extract's draft shows the round now, the frozen one never
    expect(bodyText((await (await get('/api/bulletins/draft?period=2020-05&city=430100')).json()) as BulletinDocument)).toContain('湘人社函〔2020〕99号');
    expect(pdfText(extractFiles.pdf!, 'extract-still.pdf')).not.toContain('湘人社函〔2020〕99号');
  });

  test('once issued, the draft carries the correction’s numbers: same 第N期 and 文号, version 2', async () => {
    const doc = await draft();
    expect([doc.issueNumber, doc.documentNumber, doc.version]).toEqual([1, issued.documentNumber, 2]);
  });

  test.each([
    ['an unknown key', { 'content-type': 'application/json' }, JSON.stringify({ reason: '数据更正' }), '发布更正不接受参数：reason'],
    ['a body that is not JSON', { 'content-type': 'application/json' }, '{reason', '请求体不是有效的 JSON'],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'reason=x', '请求体须为 JSON'],
    ['a JSON array', { 'content-type': 'application/json' }, '[]', '请求体应省略或为空的 JSON 对象'],
  ])('/correct with %s is a 400 saying so, and nothing is stored', async (_, headers, body, words) => {
    const { cookie, 'x-csrf-token': token } = api.session.write;
    const response = await fetch(`${base}/api/bulletins/${issued.id}/correct`, { method: 'POST', headers: { cookie: cookie!, 'x-csrf-token': token!, origin: base, ...headers }, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(words);
    expect((await api.db.$client.execute("SELECT count(*) AS n FROM bulletins WHERE period = '2020-05'")).rows[0]!.n).toBe(1);
  });

  test('a cross-origin form post to /correct is refused (403), with or without a guessed token', async () => {
    const { cookie } = api.session.write;
    for (const extra of [{}, { 'x-csrf-token': 'guessed' }] as Record<string, string>[]) {
      const response = await fetch(`${base}/api/bulletins/${issued.id}/correct`, {
        method: 'POST', headers: { cookie: cookie!, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: 'a=1',
      });
      expect(response.status).toBe(403);
    }
    const plain = await fetch(`${base}/api/bulletins/${issued.id}/correct`, { method: 'POST', headers: { cookie: cookie!, origin: 'https://evil.example' } });
    expect(plain.status).toBe(403);
  });

  test('a correction is version 2 of the same issue, linked to version 1, from the current data; both stay downloadable', async () => {
    // The session's token, no body and no Content-Type, from a browser behind a proxy (the page's Origin is not the
    // address the server sees; the browser says same-origin): Hono's origin check took this for a form post and
    // answered 403. A script sends no Origin at all.
    const { cookie, 'x-csrf-token': token } = api.session.write;
    const answer0 = await fetch(`${base}/api/bulletins/${issued.id}/correct`, {
      method: 'POST', headers: { cookie: cookie!, 'x-csrf-token': token!, origin: 'https://dispatch.example.gov.cn', 'sec-fetch-site': 'same-origin' },
    });
    const response = { status: answer0.status, body: (await answer0.json()) as any };
    expect(response.status).toBe(201);
    const corrected = response.body as IssuedBulletin;
    expect(corrected).toMatchObject({ period: '2020-05', number: 1, version: 2, correctionOf: issued.id, documentNumber: issued.documentNumber, latest: true });
    const { file, response: answer } = await download(corrected.id, 'pdf');
    expect(sha256(file)).toBe(corrected.sha256.pdf);
    expect(answer.headers.get('content-disposition')).toContain(encodeURIComponent('2020年1—5月通报（第1期更正）.pdf'));
    const text = pdfText(file, 'corrected.pdf');
    expect(text).toContain('第1期（更正）');
    // the paper says what it replaces: version 1's day of issue, in Beijing
    const [y, m, d] = beijingDate(new Date(issued.issuedAt)).split('-').map(Number);
    expect(text.replace(/\s+/g, '')).toContain(`本期为第1期的更正，${y}年${m}月${d}日印发的第1期同时作废。`);
    expect(pdfText(files.pdf!, 'first.pdf').replace(/\s+/g, '')).not.toContain('同时作废');
    const extract = await download(corrected.id, 'pdf', '430100');
    expect(extract.response.headers.get('content-disposition')).toContain(encodeURIComponent('2020年1—5月通报·长沙市摘编（第1期更正）.pdf'));
    const extractText = pdfText(extract.file, 'corrected-extract.pdf').replace(/\s+/g, '');
    expect(extractText).toContain('第1期（更正）');
    expect(extractText).toContain('湘人社函〔2020〕99号');
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

  test('a bulletin issued before extracts were kept has none: 404 in Chinese, and the archive says so', async () => {
    const [april] = (await (await get('/api/bulletins')).json() as { bulletins: IssuedBulletin[] }).bulletins.filter((b) => b.period === '2020-04');
    await api.db.$client.execute({ sql: 'DELETE FROM bulletin_extracts WHERE bulletin_id = ?', args: [april!.id] });
    const response = await get(`/api/bulletins/${april!.id}.pdf?city=430100`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(`编号为 ${april!.id} 的通报印发时尚未保存市州摘编，没有长沙市的摘编`);
    expect((await get(`/api/bulletins/${april!.id}.pdf`)).status).toBe(200);
    const { bulletins } = (await (await get('/api/bulletins')).json()) as { bulletins: IssuedBulletin[] };
    expect(bulletins.map((b) => [b.period, b.version, b.extracts])).toEqual([['2020-05', 2, true], ['2020-04', 1, false], ['2020-05', 1, true]]);
  });

  test('a character from data the fonts cannot print refuses issuing (422), naming it and where it is; nothing is stored', async () => {
    // a note written before the API refused such characters: straight into the database
    const { id } = ((await (await get('/api/auth/me')).json()) as { user: { id: number } }).user;
    await createNote(api.db, { regionCode: '430100', period: '2020-06', text: '王玗同志曾来视察。' }, { actorId: id, actorLogin: 'test-admin', address: null });
    const response = await post('/api/bulletins', { period: '2020-06' });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toBe('「玗」（长沙市的说明）不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字，请修改后再印发');
    expect((await api.db.$client.execute("SELECT count(*) AS n FROM bulletins WHERE period = '2020-06'")).rows[0]!.n).toBe(0);
  });

  test('a city leader downloads their city’s extract of an issued bulletin (reading is read:headline: other cities’ too)', async () => {
    await ensureAccount(api.db, 'changsha-leader', 'city-leader', '430100');
    const leader = await signIn(api.app, 'changsha-leader');
    const own = await fetch(`${base}/api/bulletins/${issued.id}.pdf?city=430100`, { headers: leader.read });
    expect(own.status).toBe(200);
    expect(sha256(Buffer.from(await own.arrayBuffer()))).toBe(sha256(extractFiles.pdf!));
    expect((await fetch(`${base}/api/bulletins/${issued.id}.pdf?city=430200`, { headers: leader.read })).status).toBe(200);
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

describe('issuing while the data move', () => {
  const cityTable = (doc: BulletinDocument) => doc.body.flatMap((b) => (b.kind === 'table' ? [b.table.rows.map((r) => r.cells)] : []))[0]!;
  const monthDraft = async (): Promise<BulletinDocument> => (await (await get('/api/bulletins/draft?period=2020-09')).json()) as BulletinDocument;

  test('a round recorded while the month is being issued: the frozen bulletin is either all before it or all after it', async () => {
    const before = await monthDraft(); // the month's rows are now in the app's cache, at this data version
    const issuing = post('/api/bulletins', { period: '2020-09' });
    // let the issue take its snapshot and start rendering (seconds: 45 files), then record the round meanwhile; the
    // test's assertion holds in any order, the pause only makes the round land inside the issue likely
    await new Promise((resolve) => setTimeout(resolve, 300));
    const round = await post('/api/reallocations', { date: '2020-09-05', documentNumber: '湘人社函〔2020〕109号', lines: [{ regionCode: '430300', amount: 40_000_000 }] });
    expect(round.status).toBe(201);
    const issued = await issuing;
    expect(issued.status).toBe(201);
    const after = await monthDraft();
    expect(cityTable(after)).not.toEqual(cityTable(before)); // the round moves 湘潭市's funds
    const stored = (await api.db.$client.execute({ sql: 'SELECT document FROM bulletins WHERE id = ?', args: [issued.body.id] })).rows[0]!;
    const frozen = JSON.parse(String(stored.document)) as BulletinDocument;
    const namesRound = bodyText(frozen).includes('湘人社函〔2020〕109号');
    expect(cityTable(frozen)).toEqual(cityTable(namesRound ? after : before));
  });
});
