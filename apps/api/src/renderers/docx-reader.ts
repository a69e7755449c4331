import { unzipSync } from 'fflate';

/*
 * A .docx read back for the tests: the document's XML, its paragraphs' text in order and its tables' cells, by
 * the package's own parts (no Word, no converter).
 */

const unescape = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

export function readDocx(file: Buffer) {
  const parts = unzipSync(new Uint8Array(file));
  const part = (name: string) => new TextDecoder().decode(parts[name]);
  const xml = part('word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => ({
    header: row[0].includes('<w:tblHeader'),
    cells: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
  })));
  return { parts, part, xml, paragraphs, tables, text: paragraphs.join('\n') };
}
