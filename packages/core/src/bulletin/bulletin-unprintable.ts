import type { BulletinDocument, BulletinTable, BulletinUnprintable } from '../contract/bulletin.ts';
import type { BulletinInput } from './build-bulletin.ts';

/** The characters of a text that the fonts cannot print, each once (the renderer's check, passed in: core has no fonts). */
export type MissingCharacters = (text: string) => readonly string[];

const tableTexts = (table: BulletinTable) => [table.title, ...table.columns.flatMap((c) => [c.label, c.unit ?? '']), ...table.rows.flatMap((r) => r.cells), ...(table.total ?? []), ...(table.notes ?? [])];

/**
 * The document's texts with where each sits (「二、落后时序进度和约谈」部分, 附件2). Staff's own saved text is checked when
 * they save it, and again here: a text saved before that check, or with fonts changed since, must not print with gaps.
 */
function documentTexts(document: BulletinDocument): [text: string, where: string][] {
  const texts: [string, string][] = [[document.title, '通报标题']];
  let section = '通报正文';
  for (const block of document.body) {
    if (block.kind === 'heading') {
      if (block.level === 1) section = `「${block.text}」部分`;
      texts.push([block.text, section]);
    } else if (block.kind === 'paragraph') {
      texts.push([block.text, section]);
    } else if (block.kind === 'table') {
      texts.push(...tableTexts(block.table).map((text): [string, string] => [text, `${section}的表格`]));
    } else {
      texts.push(...[block.chart.title, ...block.chart.labels].map((text): [string, string] => [text, `${section}的图`]));
    }
  }
  for (const a of document.attachments) texts.push(...[a.title, ...tableTexts(a.table)].map((text): [string, string] => [text, `附件${a.number}`]));
  return texts;
}

/**
 * The characters from the data (region names, regions' notes, reallocation 文号, anything else the document prints, staff's
 * saved text too) that the bulletin's fonts cannot print, with where they are in words: 「镕」（长沙市的说明）.
 * A character found in a named source is not repeated for the section it lands in.
 */
export function unprintableCharacters(input: Pick<BulletinInput, 'cities' | 'counties' | 'notes' | 'rounds' | 'edits'>, document: BulletinDocument, missing: MissingCharacters): BulletinUnprintable[] {
  const texts = documentTexts(document);
  const printed = texts.map(([text]) => text).join('\n');
  const sources: [string, string][] = [
    ...[...input.cities, ...input.counties].map((r): [string, string] => [r.name, `地区名称「${r.name}」`]),
    ...input.notes.map((n): [string, string] => [n.text, `${n.regionName}的说明`]),
    ...input.rounds.map((r): [string, string] => [r.documentNumber, `第${r.round}轮资金调剂的文号`]),
  ].filter(([text]) => text && printed.includes(text));
  const found: BulletinUnprintable[] = [];
  const named = new Set<string>();
  for (const [text, where] of sources) {
    for (const char of missing(text)) {
      named.add(char);
      if (!found.some((f) => f.char === char && f.where === where)) found.push({ char, where });
    }
  }
  for (const [text, where] of texts) {
    for (const char of missing(text)) {
      if (!named.has(char) && !found.some((f) => f.char === char && f.where === where)) found.push({ char, where });
    }
  }
  return found;
}

/** What a refusal says of characters the bulletin's fonts lack, after naming them. */
export const NOT_IN_FONTS = '不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字';

/**
 * A character as a refusal names it: itself, or — when it cannot be seen (a control or format character such as the
 * right-to-left override U+202E or the zero-width space U+200B, a separator, a combining mark alone) — its code point.
 */
export function shownCharacter(char: string): string {
  return /^[\p{C}\p{Z}\p{M}]$/u.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : char;
}

/** 「玗」（长沙市的说明）、「龘」（附件2）不在通报所用字体中，印出会缺字，请修改后再印发 */
export function unprintableMessage(found: readonly BulletinUnprintable[], action: '印发' | '发布更正' = '印发'): string {
  return `${found.map((f) => `「${shownCharacter(f.char)}」（${f.where}）`).join('、')}${NOT_IN_FONTS}，请修改后再${action}`;
}
