import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulletinTitleLines, type BulletinBlock, type BulletinDocument } from '@dispatch/core';
import { afterAll, describe, expect, test } from 'vitest';
import { chartAxisMax, completionChartSvg } from './bulletin-pdf/chart-svg.ts';
import { bulletinFixture, FIXTURE_CITIES } from './bulletin-fixture.ts';
import { renderBulletinPdf } from './bulletin-pdf.ts';
import { BLOCK, PORTRAIT_MARGINS } from './bulletin-pdf/page.ts';

/* The PDF's layout read back from real files: poppler's pdftotext page by page, and its words' boxes. */
const dir = mkdtempSync(join(tmpdir(), 'bulletin-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function pdfFile(document: BulletinDocument): Promise<string> {
  const file = join(dir, `${files++}.pdf`);
  writeFileSync(file, await renderBulletinPdf(document));
  return file;
}
const pages = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
const page = (file: string, n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });

interface Word { x0: number; x1: number; y: number; text: string }
/** The words of a page (page 1 by default) with their boxes (pdftotext -bbox), in reading order. */
function words(file: string, pageNumber = 1): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(pageNumber), '-l', String(pageNumber), file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), text: m[4]! }));
}

/** How much of a word's box is dark ink when poppler rasterises the page (grey PGM at 144 dpi: points × 2). */
function darkShare(file: string, pageNumber: number, word: Word): number {
  const box = { x: Math.floor(word.x0 * 2), y: Math.floor(word.y * 2), w: Math.ceil((word.x1 - word.x0) * 2), h: 16 };
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', String(pageNumber), '-l', String(pageNumber), '-x', String(box.x), '-y', String(box.y), '-W', String(box.w), '-H', String(box.h), file]);
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!.map(Number) as [number, number, number];
  const pixels = pgm.subarray(pgm.length - width * height);
  return pixels.filter((v) => v < 128).length / pixels.length;
}

const HEADING = /^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** A page's lines of text, without the page number and the demo mark. */
const bodyLines = (text: string) => text.split('\n').filter((line) => line.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(line) && line.trim() !== '演示数据');

describe('the PDF’s head', () => {
  test('the title in the lines core balances, the addressees with their colon', async () => {
    const fixture = bulletinFixture();
    const first = bodyLines(page(await pdfFile(fixture), 1)).map((line) => line.trim());
    const lines = bulletinTitleLines(fixture.title);
    expect(first.slice(0, lines.length)).toEqual(lines);
    expect(first).toContain('各市州人力资源和社会保障局：');
  });

  test('a city extract’s long title keeps its words and the city’s name whole', async () => {
    const title = '关于2020年1—5月全省职业技能提升行动工作进展情况的通报（湘西土家族苗族自治州）';
    const first = bodyLines(page(await pdfFile({ ...bulletinFixture(), title }), 1)).map((line) => line.trim());
    expect(first.slice(0, 3)).toEqual(['关于2020年1—5月全省', '职业技能提升行动工作进展情况的', '通报（湘西土家族苗族自治州）']);
  });
});

describe('the chart', () => {
  test('names the regions by their short names under the bars, 湘西州 for 湘西土家族苗族自治州', async () => {
    const fixture = bulletinFixture();
    const chart = fixture.body.find((b) => b.kind === 'chart')!;
    if (chart.kind !== 'chart') throw new Error('the fixture has a chart');
    chart.chart.labels = [...FIXTURE_CITIES];
    const text = pages(await pdfFile(fixture)).join('\n');
    expect(text).toMatch(/长沙\s+株洲\s+湘潭\s+衡阳\s+邵阳\s+岳阳\s+常德\s+张家界\s+益阳\s+郴州\s+永州\s+怀化\s+娄底\s+湘西州/);
  });

  test('with every region behind the time line (2020-05: bars to 35, the line 41.7), the axis reaches past the line and it is drawn and named; bars read as the table (9.0)', async () => {
    const fixture = bulletinFixture();
    const chart = fixture.body.find((b) => b.kind === 'chart')!;
    if (chart.kind !== 'chart') throw new Error('the fixture has a chart');
    chart.chart = { ...chart.chart, labels: ['长沙市', '郴州市'], values: [35, 9], valueTexts: ['35.0', '9.0'], timeLine: 41.7, timeLineText: '41.7' };
    expect(chartAxisMax(chart.chart)).toBeGreaterThan(41.7);
    const svg = completionChartSvg(chart.chart, 400, 200);
    expect(svg).toContain('stroke-dasharray');
    const text = pages(await pdfFile(fixture)).join('\n');
    expect(text).toContain('时序进度41.7%');
    expect(text).toMatch(/(^|\s)9\.0(\s|$)/m);
    expect(text).toMatch(/(^|\s)35\.0(\s|$)/m);
  });

  test('its labels are ink on the page, not white on white (ECharts’ halo is a stroke svg-to-pdfkit paints over the fill)', async () => {
    const file = await pdfFile(bulletinFixture());
    const at = pages(file).findIndex((text) => /时序进度[\d.]+%/.test(text)) + 1;
    const labels = words(file, at).filter((w) => /^时序进度[\d.]+%$/.test(w.text) || /^\d+\.\d$/.test(w.text) && !/\s/.test(w.text));
    const label = labels.find((w) => w.text.startsWith('时序进度'))!;
    const bar = labels.find((w) => w !== label && w.y < label.y + 200)!;
    for (const word of [label, bar]) expect(darkShare(file, at, word), word.text).toBeGreaterThan(0.04);
  });
});

describe('the county attachment', () => {
  test('a county’s name too long for its cell breaks between its words (通道侗族｜自治县), never inside one', async () => {
    const fixture = bulletinFixture();
    const table = fixture.attachments[0]!.table;
    const names = ['通道侗族自治县', '新晃侗族自治县', '靖州苗族侗族自治县', '湘西土家族苗族自治州'];
    names.forEach((name, i) => { table.rows[i]!.cells[1] = name; });
    table.rows[4]!.cells[2] = '湘西土家族苗族自治州';
    const text = pages(await pdfFile(fixture)).filter((p) => p.includes('所属市州')).join('\n');
    for (const broken of [/侗族自\s/, /(^|\s)治县/m, /(^|\s)治州/m, /土家\s/, /(^|\s)族苗族/m]) expect(text).not.toMatch(broken);
    expect(text).toMatch(/通道侗族(自治县)?\s/);
  });
});

describe('the list of attachments', () => {
  test('is never split between pages, wherever the body ends (a long title’s second line counted)', async () => {
    const base = bulletinFixture();
    const small = { ...base.attachments[0]!.table, rows: base.attachments[0]!.table.rows.slice(0, 2) };
    const attachments = [
      { ...base.attachments[0]!, table: small },
      { ...base.attachments[0]!, number: 2, title: '2020年1—5月各市州、各县市区职业技能提升行动完成情况和补贴资金执行情况一览表', table: small },
    ];
    for (let lines = 0; lines < 24; lines++) {
      const body: BulletinBlock[] = Array.from({ length: lines }, (_, i) => ({ kind: 'paragraph', text: `第${i + 1}行。` }));
      const all = pages(await pdfFile({ ...base, body, attachments }));
      expect(all.find((p) => p.includes('2. 2020年')), `${lines} lines of body`).toContain('附件：1. ');
      expect(all.find((p) => p.includes('一览表')), `${lines} lines of body`).toContain('附件：1. ');
    }
  }, 60_000);
});

describe('justified body text', () => {
  const sentence = '截至5月底，全省落后时序进度 19.3 个百分点，累计开班2,279个、结课 2,069 个，培训11.28万人次（时序进度41.7%）。';
  const fixture = { ...bulletinFixture(), body: [{ kind: 'paragraph', text: sentence.repeat(5) } satisfies BulletinBlock] };

  test('every line but the last reaches the right edge; a figure keeps its own width; no gap opens beside it', async () => {
    const all = words(await pdfFile(fixture));
    const start = all.find((w) => w.text.startsWith('截'))!.y;
    const byLine = new Map<number, Word[]>();
    for (const word of all) if (word.y >= start) byLine.set(word.y, [...(byLine.get(word.y) ?? []), word]);
    // the paragraph's lines, without the page number, the issuer and the date under them
    const text = sentence.repeat(5).replace(/ /g, '');
    const lines = [...byLine.values()].filter((line) => text.includes(line.map((w) => w.text).join('')));
    expect(lines.length).toBeGreaterThan(5);
    const right = PORTRAIT_MARGINS.left + BLOCK.width;
    for (const line of lines.slice(0, -1)) {
      expect(Math.max(...line.map((w) => w.x1))).toBeGreaterThan(right - 1);
      expect(Math.max(...line.map((w) => w.x1))).toBeLessThan(right + 1);
      for (let i = 1; i < line.length; i++) expect(line[i]!.x0 - line[i - 1]!.x1, line.map((w) => w.text).join(' ')).toBeLessThan(8);
    }
    const figures = all.filter((w) => w.text === '19.3').map((w) => w.x1 - w.x0);
    expect(figures.length).toBeGreaterThan(3);
    for (const width of figures) expect(width).toBeCloseTo(figures[0]!, 2);
  });
});

describe('keeping together across a page break', () => {
  /** The fixture with `n` one-line paragraphs before its body, so that each of its parts meets a page's foot in turn. */
  const shifted = (n: number, body = bulletinFixture().body): BulletinDocument => ({
    ...bulletinFixture(),
    attachments: [],
    body: [...Array.from({ length: n }, (_, i): BulletinBlock => ({ kind: 'paragraph', text: `第${i + 1}段。` })), ...body],
  });

  test.each(Array.from({ length: 24 }, (_, n) => n))('%i lines before: no page ends with a heading, no table page holds fewer than two of its rows, the issuer never alone', async (n) => {
    const file = await pdfFile(shifted(n));
    const all = pages(file);
    all.forEach((text, i) => {
      const lines = bodyLines(text);
      expect(lines.at(-1), `page ${i + 1} ends with a heading`).not.toMatch(HEADING);
      // a table row: figures in columns (a long name wraps around the row's line in its cell)
      const rows = lines.filter((line) => /^\s*\S*\s+[\d.,]+\s+[\d,]+\s+[\d,]+\s/.test(line) && !/^\s*全省/.test(line));
      const total = lines.some((line) => /^\s*全省\s+[\d.,]+\s/.test(line));
      if (rows.length || total) expect(rows.length, `page ${i + 1}: ${rows.length} rows${total ? ' and the total' : ''}`).toBeGreaterThanOrEqual(2);
      if (lines.some((line) => /市州\s+目标任务/.test(line)) && !text.includes('各市州完成情况')) expect(rows.length).toBeGreaterThanOrEqual(2);
      // the issuer and the date under the last lines of the body, never on a page of their own
      const issuer = lines.findIndex((line) => line.trim() === '湖南省人力资源和社会保障厅');
      if (issuer >= 0) expect(lines.slice(0, issuer).filter((line) => !/附件|^\s*\d\.\s/.test(line)).length, `page ${i + 1}: the issuer alone`).toBeGreaterThanOrEqual(2);
    });
  });

  test('a heading over a table goes to the next page with the table’s title, header and first rows', async () => {
    // find a shift that puts 二、 near a page's foot, as the loop above covers every one: here, check one directly
    for (let n = 0; n < 24; n++) {
      const texts = pages(await pdfFile(shifted(n)));
      const at = texts.findIndex((text) => text.includes('二、各市州完成情况'));
      const lines = bodyLines(texts[at]!);
      const heading = lines.findIndex((line) => line.includes('二、各市州完成情况'));
      expect(lines.slice(heading + 1).some((line) => line.includes('2020年1—5月各市州完成情况'))).toBe(true);
    }
  });
});
