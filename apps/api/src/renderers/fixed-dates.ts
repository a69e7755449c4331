import { unzipSync, zipSync } from 'fflate';

/**
 * The same document gives the same bytes: an Office file is a zip whose entries `docx` and exceljs (jszip) stamp
 * with the time of writing, and `docx` also writes that time into the package's properties. Both become `date`
 * (the document's own date) and the entries are zipped again, in their order.
 */
export function fixZipDates(file: Buffer | ArrayBuffer, date: Date): Buffer {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = unzipSync(new Uint8Array(file));
  const core = entries['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
    entries['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: date }]]))));
}
