import { bulletinTitleLines } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { bulletinFixture, FIXTURE_CITIES } from './bulletin-fixture.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { readDocx } from './docx-reader.ts';

const fixture = bulletinFixture();
const file = await renderBulletinDocx(fixture);
const docx = readDocx(file);
const cityTable = fixture.body.flatMap((b) => (b.kind === 'table' ? [b.table] : []))[0]!;

describe('the bulletin as Word', () => {
  test('the title in balanced lines, the document number, the addressees, every city', () => {
    expect(docx.text.replace(/\s/g, '')).toContain(fixture.title);
    expect(docx.text).toContain('湘人社函〔2020〕12号');
    expect(docx.paragraphs).toContain('各市州人力资源和社会保障局：');
    for (const city of FIXTURE_CITIES) expect(docx.text).toContain(city);
  });

  test('the title broken where the PDF and the preview break it', () => {
    const title = docx.xml.match(/<w:p>[\s\S]*?<\/w:p>/)![0];
    const lines = title.split('<w:br/>').map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(lines).toEqual(bulletinTitleLines(fixture.title));
  });

  test('the chart as a picture the width of the text, drawn from the PDF’s SVG with the committed fonts', () => {
    const media = Object.keys(docx.parts).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = docx.parts[media[0]!]!;
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1327, 595]);
    // 156 × 70 mm on the page (EMU: 360,000 a centimetre, to the pixel docx rounds to)
    const [, cx, cy] = docx.xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!;
    expect(Number(cx) / 360_000).toBeCloseTo(15.6, 1);
    expect(Number(cy) / 360_000).toBeCloseTo(7.0, 1);
    expect(docx.xml).toContain(`descr="${fixture.body.flatMap((b) => (b.kind === 'chart' ? [b.chart.title] : []))[0]}：`);
  });

  test('headings and table titles keep with what follows; the last two rows keep with the total', () => {
    const paragraph = (text: string) => docx.xml.match(new RegExp(`<w:p>(?:(?!<w:p>)[\\s\\S])*?${text}`))![0];
    for (const heading of ['一、总体进展', '（一）落后时序进度的地区', '2020年1—5月各市州完成情况']) expect(paragraph(heading)).toContain('<w:keepNext/>');
    const rows = docx.xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0].split('<w:tr>').slice(1);
    expect(rows.map((row) => row.includes('<w:keepNext/>'))).toEqual(rows.map((_, i) => i === rows.length - 3 || i === rows.length - 2));
  });

  test('the list of attachments keeps together, and with the issuer and date: 「附件：1. …」 with 「2. …」, each paragraph whole', async () => {
    const two = { ...fixture, attachments: [fixture.attachments[0]!, { ...fixture.attachments[0]!, number: 2, title: '2020年1—5月各县市区完成情况表' }] };
    const xml = readDocx(await renderBulletinDocx(two)).xml;
    const paragraph = (text: string) => xml.match(new RegExp(`<w:p>(?:(?!<w:p>)[\\s\\S])*?${text}`))![0];
    expect(paragraph('附件：1\\.')).toContain('<w:keepNext/>');
    expect(paragraph('附件：1\\.')).toContain('<w:keepLines/>');
    expect(paragraph('　　　2\\.')).toContain('<w:keepLines/>');
    // …and the list with the issuer and the date under it
    expect(paragraph('　　　2\\.')).toContain('<w:keepNext/>');
    expect(paragraph(two.issuer)).toContain('<w:keepNext/>');
    const last = two.body.at(-1)!;
    if (last.kind !== 'paragraph') throw new Error('the fixture ends with a paragraph');
    expect(paragraph(last.text.slice(0, 8))).toContain('<w:keepNext/>');
    // the blank line before the list keeps with it
    const before = xml.slice(0, xml.indexOf('附件：1.')).split('<w:p>').at(-2)!;
    expect(before).toContain('<w:keepNext/>');
  });

  test('the city table as a real table: its header repeated, its cells in order, the total last', () => {
    const [table] = docx.tables;
    expect(table![0]).toEqual({ header: true, cells: cityTable.columns.map((c) => c.label + (c.unit ? `（${c.unit}）` : '')) });
    expect(table!.slice(1).map((row) => row.cells)).toEqual([...cityTable.rows.map((row) => row.cells), cityTable.total]);
  });

  test('the county attachment: 122 rows under a repeated header, in a landscape section of its own', () => {
    const attachment = fixture.attachments[0]!;
    const table = docx.tables.at(-1)!;
    const rows = table.filter((row) => !row.header);
    expect(rows.map((row) => row.cells).slice(0, 122)).toEqual(attachment.table.rows.map((row) => row.cells));
    expect(attachment.table.rows).toHaveLength(122);
    expect(table[0]!.header).toBe(true);
    const sections = [...docx.xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(1 + fixture.attachments.length);
    expect(sections.at(-1)).toContain('w:orient="landscape"');
    expect(sections.at(-1)).toMatch(/w:w="16838"/);
  });

  test('A4 with the GB/T 9704 margins, 16 pt body indented two characters, 22 pt title', () => {
    expect(docx.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(docx.xml).toContain('w:firstLineChars="200"');
    expect(docx.xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(docx.part('word/styles.xml')).toMatch(/w:eastAsia="仿宋"/);
  });

  test('page numbers 「— n —」 in the footers, odd at the right and even at the left', () => {
    const footers = Object.keys(docx.parts).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => docx.part(name));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of footers) expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    expect(docx.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  test('the same document gives the same bytes, dated the document’s date', async () => {
    expect((await renderBulletinDocx(bulletinFixture())).equals(file)).toBe(true);
    expect(docx.part('docProps/core.xml')).toContain('2020-06-04T16:00:00Z');
  });
});
