import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bulletinFixture, FIXTURE_CITIES } from './bulletin-fixture.ts';
import { renderBulletinPdf } from './bulletin-pdf.ts';

/* The fixture rendered once, read back with poppler's pdftotext and pdftoppm (Debian poppler-utils). */
const dir = mkdtempSync(join(tmpdir(), 'bulletin-pdf-'));
const file = join(dir, 'bulletin.pdf');
const fixture = bulletinFixture();
let pdf: Buffer;
let text: string;

const pdftotext = (...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  pdf = await renderBulletinPdf(fixture);
  writeFileSync(file, pdf);
  text = pdftotext('-layout');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bulletin PDF', () => {
  test('carries the title, the document number and every city as selectable text', () => {
    const flat = pdftotext().replace(/\s+/g, '');
    expect(flat).toContain(fixture.title);
    expect(flat).toContain('湘人社函〔2020〕12号');
    for (const city of FIXTURE_CITIES) expect(text).toContain(city);
  });

  test('shows the city table’s figures as the document wrote them', () => {
    const table = fixture.body.find((block) => block.kind === 'table');
    if (table?.kind !== 'table') throw new Error('the fixture has a city table');
    for (const row of table.table.rows) expect(text).toMatch(new RegExp(row.cells.slice(1, 8).map((cell) => cell.replace(/[.]/g, '\\.')).join('\\s+')));
    expect(text).toContain('122,600.00');
  });

  test('lists the 122 counties in the attachment, one line each, on landscape pages', () => {
    const first = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    const attachment = fixture.attachments[0]!;
    const start = pdftotext('-layout').split('\f').findIndex((page) => page.includes('附件1')) + 1;
    const pages = execFileSync('pdftotext', ['-layout', '-f', String(start), '-l', String(first), file, '-'], { encoding: 'utf8' });
    const numbered = pages.split('\n').filter((line) => /^\s*\d{1,3}\s+\S/.test(line) && /\d+\.\d\s+-?\d+\.\d/.test(line));
    expect(numbered.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual(attachment.table.rows.map((_, i) => i + 1));
    const sizes = execFileSync('pdfinfo', ['-f', String(start), '-l', String(first), file], { encoding: 'utf8' });
    expect(sizes.match(/size:\s+841\.89 x 595\.28/g)?.length).toBe(first - start + 1);
  });

  test('repeats the header row on every page the attachment runs onto', () => {
    const pages = pdftotext('-layout').split('\f');
    const start = pages.findIndex((page) => page.includes('附件1'));
    const attachment = pages.slice(start).filter((page) => page.trim());
    expect(attachment.length).toBeGreaterThan(2);
    for (const page of attachment) expect(page).toMatch(/序号\s+县市区\s+所属市州/);
  });

  test('has neither boxes nor replacement characters', () => {
    expect(text).not.toMatch(/[\u25A1\uFFFD]/);
  });

  test('numbers its pages 「— n —」', () => {
    const pages = pdftotext().split('\f').filter((page) => page.trim());
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  });

  test('gives the same bytes for the same document', async () => {
    expect((await renderBulletinPdf(bulletinFixture())).equals(pdf)).toBe(true);
  });

  test('gives the same bytes after another document: the fonts kept between documents carry nothing over', async () => {
    const other = { ...bulletinFixture(), title: '关于鲲鹏乡镇技能培训进展的通报', body: [{ kind: 'paragraph' as const, text: '麒麟、貔貅与饕餮：一段只在这份文档里出现的文字。' }] };
    const otherPdf = await renderBulletinPdf(other);
    const otherFile = join(dir, 'other.pdf');
    writeFileSync(otherFile, otherPdf);
    const otherText = execFileSync('pdftotext', [otherFile, '-'], { encoding: 'utf8' });
    expect(otherText).toContain('麒麟、貔貅与饕餮');
    expect(otherText).toContain('鲲鹏');
    expect((await renderBulletinPdf(other)).equals(otherPdf)).toBe(true);
    expect((await renderBulletinPdf(bulletinFixture())).equals(pdf)).toBe(true);
  });

  test('renders every page as an image', () => {
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
    const images = readdirSync(dir).filter((name) => name.endsWith('.png'));
    expect(images).toHaveLength(pages);
    for (const image of images) expect(existsSync(join(dir, image))).toBe(true);
  });
});
