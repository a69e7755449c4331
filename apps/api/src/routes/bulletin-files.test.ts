/** The draft's files over real HTTP, on the demo data: PDF read back by poppler, Word by its XML, Excel by exceljs. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayCell, RANKING_COLUMNS, type BulletinDocument, type BulletinTable, type MetricRow } from '@dispatch/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDocx } from '../renderers/docx-reader.ts';
import { listen, useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();
const dir = mkdtempSync(join(tmpdir(), 'bulletin-files-'));
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

const fetchOf = (path: string) => fetch(base + path, { headers: api.session.read });
async function download(query: string) {
  const response = await fetchOf(`/api/bulletins/draft?${query}`);
  expect(response.status).toBe(200);
  return { response, file: Buffer.from(await response.arrayBuffer()) };
}
const json = async <T>(path: string): Promise<T> => (await (await fetchOf(path)).json()) as T;
const metrics = async (query: string) => (await json<{ rows: MetricRow[] }>(`/api/metrics?${query}`)).rows;
const columnOf = (key: string) => RANKING_COLUMNS.find((c) => c.key === key)!;
/** The display model's text of a metric row, in a bulletin table's columns. */
const cellsOf = (table: BulletinTable, row: MetricRow) => table.columns.map((c) => (c.key === 'name' || c.key === 'parentName' ? String(row[c.key]) : displayCell(columnOf(c.key), row).text));
const cityTableOf = (doc: BulletinDocument) => doc.body.flatMap((b) => (b.kind === 'table' ? [b.table] : []))[0]!;
const escape = (text: string) => text.replace(/[.+*?()[\]\\]/g, '\\$&');
const disposition = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;

function pdfText(file: Buffer, name: string, ...args: string[]) {
  const path = join(dir, name);
  writeFileSync(path, file);
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

describe('the draft as PDF', () => {
  test('the title, the 14 cities and every figure of the city table as /api/metrics displays it; no boxes', async () => {
    const { response, file } = await download('period=2020-05&format=pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`attachment; filename="bulletin.pdf"; ${disposition('2020年1—5月通报（草稿）.pdf')}`);
    const doc = await json<BulletinDocument>('/api/bulletins/draft?period=2020-05');
    const text = pdfText(file, 'draft.pdf', '-layout');
    expect(pdfText(file, 'draft.pdf').replace(/\s+/g, '')).toContain(doc.title);
    const cities = await metrics('period=2020-05&level=city');
    expect(cities).toHaveLength(14);
    const table = cityTableOf(doc);
    for (const city of cities) {
      expect(text.replace(/\s+/g, '')).toContain(city.name);
      // the row as one line: rank, name, every figure (a long name wraps around the line, above and below it)
      const row = cellsOf(table, city).map((cell, i) => (table.columns[i]!.key === 'name' ? `(?:${escape(cell.slice(0, 5))}\\S*\\s+)?` : `${escape(cell)}\\s+`));
      expect(text, city.name).toMatch(new RegExp(row.join('')));
    }
    expect(text).not.toMatch(/[\u25A1\uFFFD]/);
  });

  test('a city’s extract names the city and lists its counties', async () => {
    const { response, file } = await download('period=2020-05&format=pdf&city=430100');
    expect(response.headers.get('content-disposition')).toContain(disposition('2020年1—5月通报·长沙市摘编（草稿）.pdf'));
    const text = pdfText(file, 'changsha.pdf').replace(/\s+/g, '');
    const counties = await metrics('period=2020-05&level=county&parent=430100');
    expect(counties.length).toBeGreaterThan(5);
    for (const county of counties) expect(text).toContain(county.name);
    expect(text).not.toMatch(/[\u25A1\uFFFD]/);
  });
});

describe('the draft as Word', () => {
  test('the title, the city table’s cells in order, 122 county rows in the attachment; same bytes twice', async () => {
    const { response, file } = await download('period=2020-12&format=docx');
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(disposition('2020年1—12月通报（草稿）.docx'));
    const doc = await json<BulletinDocument>('/api/bulletins/draft?period=2020-12');
    const docx = readDocx(file);
    expect(docx.text.replace(/\s/g, '')).toContain(doc.title);
    const cities = await metrics('period=2020-12&level=city');
    const table = cityTableOf(doc);
    const rows = (cells: { header: boolean; cells: string[] }[]) => cells.filter((row) => !row.header).map((row) => row.cells);
    expect(rows(docx.tables[0]!).slice(0, 14)).toEqual(cities.map((city) => cellsOf(table, city)));
    const counties = docx.tables.at(-1)!;
    expect(counties[0]!.header).toBe(true);
    expect(rows(counties).slice(0, 122)).toEqual(doc.attachments.at(-1)!.table.rows.map((row) => row.cells));
    expect(doc.attachments.at(-1)!.table.rows).toHaveLength(122);
    expect((await download('period=2020-12&format=docx')).file.equals(file)).toBe(true);
  });
});

describe('the draft’s attachments as Excel', () => {
  test('a sheet an attachment, its rows the cells /api/metrics’ display model gives; same bytes twice', async () => {
    const { response, file } = await download('period=2020-05&format=xlsx');
    expect(response.headers.get('content-disposition')).toContain(disposition('2020年1—5月通报附件（草稿）.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['附件1 各市州', '附件2 各县市区']);
    const doc = await json<BulletinDocument>('/api/bulletins/draft?period=2020-05');
    const levels = [await metrics('period=2020-05&level=city'), await metrics('period=2020-05&level=county')];
    doc.attachments.forEach((attachment, n) => {
      const sheet = workbook.worksheets[n]!;
      const { columns } = attachment.table;
      levels[n]!.forEach((row, i) => {
        const values = columns.map((_, j) => sheet.getRow(3 + i).getCell(j + 1).value ?? null);
        expect(values, row.name).toEqual(columns.map((c) => (c.key === 'name' || c.key === 'parentName' ? row[c.key] : displayCell(columnOf(c.key), row).cell)));
      });
    });
    expect(levels[1]).toHaveLength(122);
    expect((await download('period=2020-05&format=xlsx')).file.equals(file)).toBe(true);
  });
});
