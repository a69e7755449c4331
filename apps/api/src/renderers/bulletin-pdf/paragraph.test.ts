import PDFDocument from 'pdfkit';
import { expect, test } from 'vitest';
import { BODY_CHARACTER_SPACING, BODY_SIZE, bulletinFonts, FONT } from './page.ts';
import { paragraphLines } from './paragraph.ts';

/** A document with the bulletin's body face, to measure with. */
function doc(): PDFKit.PDFDocument {
  const made = new PDFDocument({ size: 'A4' });
  made.registerFont(FONT.serif, bulletinFonts().serif as unknown as PDFKit.Mixins.PDFFontSource);
  return made.font(FONT.serif).fontSize(BODY_SIZE);
}
const style = { width: 10 * (BODY_SIZE + BODY_CHARACTER_SPACING), indent: 0, characterSpacing: BODY_CHARACTER_SPACING };
const lines = (text: string) => paragraphLines(doc(), text, style).map((line) => line.map((u) => u.text).join(''));

test.each([
  ['ten characters a line', '一二三四五六七八九十一二三四五六七八九十一二', ['一二三四五六七八九十', '一二三四五六七八九十', '一二']],
  ['closing punctuation never starts a line: it goes over with what it closes', '一二三四五六七（19.9%）。八九', ['一二三四五六七', '（19.9%）。八九']],
  ['opening punctuation never ends a line', '一二三四五六七八九（十一）', ['一二三四五六七八九', '（十一）']],
  ['a figure is never broken', '一二三四五六七八2,279,000个', ['一二三四五六七八', '2,279,000个']],
  ['a space at a line’s edge is dropped', '一二三四五六七八九十 12 个', ['一二三四五六七八九十', '12 个']],
])('%s', (_, text, expected) => {
  expect(lines(text)).toEqual(expected);
});

test('a web address or a run of digits longer than a line breaks across lines, every character kept, none past the edge', () => {
  const url = 'https://rst.hunan.gov.cn/rst/xxgk/tzgg/202009/t20200915_13671234567890abcdefghijklmnopqrstuvwxyz.html';
  const digits = '1234567890'.repeat(30);
  for (const text of [`长沙市：详见${url}的通知附件。`, `编号${digits}。`]) {
    const made = doc();
    const set = paragraphLines(made, text, style);
    expect(set.map((line) => line.map((u) => u.text).join('')).join('')).toBe(text);
    for (const line of set) expect(made.widthOfString(line.map((u) => u.text).join(''), { characterSpacing: BODY_CHARACTER_SPACING })).toBeLessThanOrEqual(style.width + 0.01);
    expect(set.length).toBeGreaterThan(2);
  }
});
