/** The bulletin's live draft over the API, on the demo data: the document model, a city's extract, saving staff's text. */
import { BulletinDocumentSchema, displayCell, RANKING_COLUMNS, type BulletinDocument, type BulletinTable, type MetricRow } from '@dispatch/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNote } from '@dispatch/db';
import { describe, expect, test } from 'vitest';
import { ensureAccount, signIn, useDemoApi } from '../testing/test-session.ts';

/** The clock on the 1—5月 bulletin's usual day: the draft is dated today, as issuing it now would date it. */
let clock = new Date('2020-06-05T01:00:00Z');
const api = useDemoApi({ now: () => clock });

const draft = async (query: string) => api.get(`/api/bulletins/draft?${query}`);
const put = async (period: string, body: unknown, headers = api.session.write) => {
  const response = await api.app.request(`/api/bulletins/draft/${period}`, { method: 'PUT', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
};
const metrics = async (query: string): Promise<MetricRow[]> => (await api.get(`/api/metrics?${query}`)).body.rows;
/** A note as the database may hold it from before the API refused characters the fonts lack. */
const writtenBefore = async (note: { regionCode: string; period: string; text: string }) => {
  const { id } = (await api.get('/api/auth/me')).body.user as { id: number };
  await createNote(api.db, note, { actorId: id, actorLogin: 'test-admin', address: null });
};
const tables = (doc: BulletinDocument) => doc.body.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

/** Each row's cells against the display model's text of the same metric row, column by column. */
function expectTableOf(table: BulletinTable, rows: readonly MetricRow[]) {
  expect(table.rows).toHaveLength(rows.length);
  rows.forEach((row, i) => {
    const expected = table.columns.map((column) => {
      if (column.key === 'name' || column.key === 'parentName') return String(row[column.key]);
      return displayCell(RANKING_COLUMNS.find((c) => c.key === column.key)!, row).text;
    });
    expect(table.rows[i]!.cells, row.name).toEqual(expected);
  });
}

describe('the draft over the demo data', () => {
  test.each(['2020-01', '2020-05', '2020-12'])('%s: every number of the city and county tables is the display model\'s text of /api/metrics', async (period) => {
    const { status, body } = await draft(`period=${period}`);
    expect(status).toBe(200);
    const doc = BulletinDocumentSchema.parse(body);
    const [cities, counties, [province]] = await Promise.all([metrics(`period=${period}&level=city`), metrics(`period=${period}&level=county`), metrics(`period=${period}&level=province`)]);
    expectTableOf(tables(doc)[0]!, cities);
    expectTableOf(doc.attachments[0]!.table, cities);
    expectTableOf(doc.attachments[1]!.table, counties);
    expect(doc.attachments[1]!.table.rows).toHaveLength(122);
    const lag = displayCell(RANKING_COLUMNS.find((c) => c.key === 'lag')!, province!).text;
    expect(tables(doc)[0]!.total).toContain(lag);
    expect(doc.demo).toBe(true);
  });

  test('the title, the date and the sections', async () => {
    const doc = (await draft('period=2020-05')).body as BulletinDocument;
    expect(doc.title).toBe('关于2020年1—5月全省职业技能提升行动工作进展情况的通报');
    expect(doc.dateText).toBe('2020年6月5日');
    // numbered as issuing it now would number it: the year's first, 文号 of the year of issue, still a draft
    expect([doc.issueNumber, doc.documentNumber, doc.version]).toEqual([1, '湘人社函〔2020〕1号', 1]);
    expect(doc.unprintable).toEqual([]);
    expect(doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      '一、总体进展', '二、落后时序进度和约谈', '三、督导整改', '四、存在问题', '五、下一步工作要求',
    ]);
    expect(doc.draft).toMatchObject({ period: '2020-05', version: 0, edits: {} });
  });

  test('a city\'s extract: its row marked, its counties attached', async () => {
    const doc = (await draft('period=2020-05&city=430100')).body as BulletinDocument;
    expect(doc.city).toEqual({ code: '430100', name: '长沙市' });
    const marked = tables(doc)[0]!.rows.filter((r) => r.emphasis).map((r) => r.cells[1]);
    expect(marked).toEqual(['长沙市']);
    expect(doc.attachments).toHaveLength(1);
    expectTableOf(doc.attachments[0]!.table, (await metrics('period=2020-05&level=county')).filter((r) => r.parentCode === '430100'));
  });

  test.each([
    ['an unknown format', 'period=2020-05&format=html', '参数 format'],
    ['a county as city', 'period=2020-05&city=430182', '参数 city'],
    ['an unknown city', 'period=2020-05&city=439999', '参数 city'],
    ['no period', 'format=json', '参数 period'],
  ])('%s is a 400 naming the parameter', async (_, query, words) => {
    const { status, body } = await draft(query);
    expect(status).toBe(400);
    expect(body.error.message).toContain(words);
  });

  test('a month without data is a 404', async () => {
    expect((await draft('period=2021-05')).status).toBe(404);
  });
});

describe('saving staff\'s text', () => {
  test('saved from version 0, shown in the draft, kept with the audit line; a stale version is a 409', async () => {
    const saved = await put('2020-06', { edits: { problems: '一是甲。\n二是乙。' }, version: 0 });
    expect(saved).toMatchObject({ status: 200, body: { period: '2020-06', version: 1, edits: { problems: '一是甲。\n二是乙。' }, updatedBy: 'test-admin' } });
    const doc = (await draft('period=2020-06')).body as BulletinDocument;
    expect(doc.body.filter((b) => b.kind === 'paragraph' && b.editable === 'problems').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['一是甲。', '二是乙。']);
    expect(doc.draft?.version).toBe(1);
    const stale = await put('2020-06', { edits: { problems: '丙' }, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('已被他人修改');
    const lines = (await api.db.$client.execute("SELECT detail FROM audit_log WHERE action = 'bulletin.edit'")).rows;
    expect(lines.map((r) => JSON.parse(String(r.detail)))).toEqual([{ period: '2020-06', version: 1, before: {}, after: { problems: '一是甲。\n二是乙。' } }]);
  });

  test.each([
    ['an unknown part', { edits: { summary: '甲' }, version: 0 }, 'edits'],
    ['no version', { edits: {} }, 'version'],
    ['a negative version', { edits: {}, version: -1 }, 'version'],
    ['too long a text', { edits: { requirements: '长'.repeat(5001) }, version: 0 }, 'edits.requirements'],
  ])('%s is a 400 naming the field', async (_, body, field) => {
    const { status, body: answer } = await put('2020-07', body);
    expect(status).toBe(400);
    expect(answer.error.message).toContain(field);
  });

  test('a character the bulletin’s fonts cannot print is refused by name, before it could be issued as a gap', async () => {
    const refused = await put('2020-07', { edits: { problems: '一是王玗同志的批示，龘、周囧所在单位……' }, version: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('edits.problems');
    expect(refused.body.error.message).toContain('「玗、龘、囧」不在通报所用字体');
    const draft0 = await draft('period=2020-07&format=json');
    expect(draft0.body.draft.version).toBe(0);
    // the common characters of the same sentence are fine
    expect((await put('2020-07', { edits: { problems: '一是王同志所在单位进度偏慢。' }, version: 0 })).status).toBe(200);
  });

  test('a city’s extract prints its own 存在问题 (never the province’s, which names other cities) and the province’s 下一步', async () => {
    const saved = await put('2020-09', { edits: { problems: '一是岳阳市、常德市进度偏慢。', requirements: '一是各市州加快进度。' }, version: 0 });
    expect(saved.status).toBe(200);
    const part = (doc: BulletinDocument, key: string) => doc.body.flatMap((b) => (b.kind === 'paragraph' && b.editable === key ? [b.text] : []));
    const province = (await draft('period=2020-09')).body as BulletinDocument;
    expect(part(province, 'problems')).toEqual(['一是岳阳市、常德市进度偏慢。']);
    const extract = (await draft('period=2020-09&city=430100')).body as BulletinDocument;
    expect(part(extract, 'problems').join()).not.toContain('岳阳市');
    expect(part(extract, 'problems').length).toBeGreaterThan(0);
    expect(part(extract, 'requirements')).toEqual(['一是各市州加快进度。']);
  });

  test('a character the fonts cannot print, from data, is listed with where it is', async () => {
    // written before notes were checked (the API now refuses it): straight into the database
    await writtenBefore({ regionCode: '430100', period: '2020-08', text: '王玗同志曾来视察。' });
    const doc = (await draft('period=2020-08')).body as BulletinDocument;
    expect(doc.unprintable).toEqual([{ char: '玗', where: '长沙市的说明' }]);
    expect(((await draft('period=2020-08&city=430100')).body as BulletinDocument).unprintable).toEqual([{ char: '玗', where: '长沙市的说明' }]);
    expect(((await draft('period=2020-08&city=430200')).body as BulletinDocument).unprintable).toEqual([]);
  });

  test('a name character GB2312 lacks but 通用规范汉字表 has (镕, 喆, 堃) is printed, not listed', async () => {
    const text = '朱镕基、陶喆、王堃同志曾来视察。';
    const note = await api.app.request('/api/notes', { method: 'POST', headers: api.session.write, body: JSON.stringify({ regionCode: '430100', period: '2020-09', text }) });
    expect(note.status).toBe(201);
    expect(((await draft('period=2020-09')).body as BulletinDocument).unprintable).toEqual([]);
    const pdf = await api.app.request('/api/bulletins/draft?period=2020-09&format=pdf', { headers: api.session.read });
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-names-'));
    try {
      writeFileSync(join(dir, 'draft.pdf'), Buffer.from(await pdf.arrayBuffer()));
      expect(execFileSync('pdftotext', [join(dir, 'draft.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a city leader may read the draft but not save it', async () => {
    await ensureAccount(api.db, 'changsha', 'city-leader', '430100');
    const leader = await signIn(api.app, 'changsha');
    expect((await api.app.request('/api/bulletins/draft?period=2020-05&city=430100', { headers: leader.read })).status).toBe(200);
    expect((await put('2020-05', { edits: {}, version: 0 }, leader.write)).status).toBe(403);
  });
});

describe('the draft is built once and kept until what it is made from moves', () => {
  const text = (doc: BulletinDocument) => JSON.stringify(doc.body);
  const file = async (query: string) => Buffer.from(await (await api.app.request(`/api/bulletins/draft?${query}`, { headers: api.session.read })).arrayBuffer());

  test('the same draft twice is the same answer with an ETag; a client that has it gets a 304', async () => {
    const first = await api.app.request('/api/bulletins/draft?period=2020-06', { headers: api.session.read });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.app.request('/api/bulletins/draft?period=2020-06', { headers: api.session.read });
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(await first.text());
    const revalidated = await api.app.request('/api/bulletins/draft?period=2020-06', { headers: { ...api.session.read, 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
  });

  test('a note on the month (which does not bump the data version) is in the next draft, its JSON and its PDF', async () => {
    const before = (await draft('period=2020-06')).body as BulletinDocument;
    const pdfBefore = await file('period=2020-06&format=pdf');
    expect((await file('period=2020-06&format=pdf')).equals(pdfBefore)).toBe(true);
    const note = await api.app.request('/api/notes', { method: 'POST', headers: api.session.write, body: JSON.stringify({ regionCode: '430200', period: '2020-06', text: '株洲市六月集中开班。' }) });
    expect(note.status).toBe(201);
    const after = (await draft('period=2020-06')).body as BulletinDocument;
    expect(text(before)).not.toContain('株洲市六月集中开班');
    expect(text(after)).toContain('株洲市六月集中开班');
    expect((await file('period=2020-06&format=pdf')).equals(pdfBefore)).toBe(false);
  });

  test('saved text and a supervision action are in the next draft', async () => {
    const version = ((await draft('period=2020-06')).body as BulletinDocument).draft?.version ?? 0;
    expect((await put('2020-06', { edits: { requirements: '六月的要求。' }, version })).status).toBe(200);
    expect(text((await draft('period=2020-06')).body)).toContain('六月的要求。');
    const actionsBefore = text((await draft('period=2020-06')).body);
    const opened = await api.app.request('/api/actions', { method: 'POST', headers: api.session.write, body: JSON.stringify({ regionCode: '430300', period: '2020-06', kind: 'guidance', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), requirement: '湘潭市六月底前追上进度。' }) });
    expect(opened.status).toBe(201);
    const actionsAfter = text((await draft('period=2020-06')).body);
    expect(actionsAfter).not.toBe(actionsBefore);
    expect(actionsAfter).toContain('湘潭市');
  });

  test('an account renamed (which bumps only the auth version) is named anew in the next draft', async () => {
    const saved = ((await draft('period=2020-07')).body as BulletinDocument).draft?.version ?? 0;
    expect((await put('2020-07', { edits: { requirements: '七月的要求。' }, version: saved })).status).toBe(200);
    const savedBy = () => draft('period=2020-07').then(({ body }) => (body as BulletinDocument).draft?.updatedBy);
    const before = await savedBy();
    expect(before).toBeTruthy();
    const renamed = await api.app.request('/api/users/test-admin', { method: 'PATCH', headers: api.session.write, body: JSON.stringify({ displayName: '改名后的管理员' }) });
    expect(renamed.status).toBe(200);
    expect(await savedBy()).toBe('改名后的管理员');
    expect(before).not.toBe('改名后的管理员');
  });

  test('the next day the draft is dated anew', async () => {
    expect(((await draft('period=2020-06')).body as BulletinDocument).dateText).toBe('2020年6月5日');
    clock = new Date('2020-06-06T01:00:00Z');
    try {
      expect(((await draft('period=2020-06')).body as BulletinDocument).dateText).toBe('2020年6月6日');
    } finally {
      clock = new Date('2020-06-05T01:00:00Z');
    }
  });
});
