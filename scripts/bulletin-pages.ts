/**
 * npm run bulletin:pages [-- --out DIR] — the demo's bulletins as files, to look at: the 2020-05 and 2020-12 drafts
 * and the 2020-05 extract of every city, each as PDF and Word, and every PDF page as a PNG (pdftoppm -r 50).
 * `--docs` writes instead the README's page images under docs/bulletin/: one page per part of the 2020-05 draft
 * (pdftoppm -r 60).
 *
 * The demo database (the 2020 year) is built in memory and read through the real routes, as the web app reads them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BulletinDocument } from '@dispatch/core';
import { createApp } from '@dispatch/api';
import { hashPassword } from '@dispatch/api/testing';
import { createUser, prepareDb } from '@dispatch/db';

const CITY_CODES = ['430100', '430200', '430300', '430400', '430500', '430600', '430700', '430800', '430900', '431000', '431100', '431200', '431300', '433100'];
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const DOCS = process.argv.includes('--docs');
const out = DOCS ? join(import.meta.dirname, '..', 'docs', 'bulletin') : (argument('--out') ?? join(process.cwd(), 'bulletin-pages'));

const { db } = await prepareDb({ url: ':memory:', demo: { years: [2020] } });
const password = 'Pages2020look';
await createUser(db, { login: 'pages', displayName: 'pages', role: 'province-official', regionCode: '430000', passwordHash: await hashPassword(password) }, { actorId: null, actorLogin: 'pages', address: null });
const app = createApp({ db });
const login = await app.request('/api/auth/login', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ login: 'pages', password }) });
if (!login.ok) throw new Error(`sign-in: ${login.status}`);
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

async function draft(period: string, format: string, city?: string): Promise<Response> {
  const response = await app.request(`/api/bulletins/draft?period=${period}&format=${format}${city ? `&city=${city}` : ''}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${period} ${city ?? ''} ${format}: ${response.status} ${await response.text()}`);
  return response;
}

const pdfPages = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

if (DOCS) {
  // One page image per part of the 2020-05 bulletin, named for what it shows; the extract's first page after them.
  const work = join(out, '.work');
  mkdirSync(work, { recursive: true });
  const file = join(work, 'province.pdf');
  writeFileSync(file, Buffer.from(await (await draft('2020-05', 'pdf')).arrayBuffer()));
  const cityFile = join(work, 'city.pdf');
  writeFileSync(cityFile, Buffer.from(await (await draft('2020-05', 'pdf', '433100')).arrayBuffer()));
  const pages = pdfPages(file);
  const first = (test: (page: string) => boolean, what: string) => {
    const at = pages.findIndex(test);
    if (at < 0) throw new Error(`no page shows ${what}`);
    return at + 1;
  };
  const shots: [string, string, number][] = [
    ['page-first.png', file, 1],
    ['page-sections-2-3.png', file, first((page) => /^\s*[二三]、/m.test(page), '二、 or 三、')],
    ['page-requirements-attachments.png', file, first((page) => /附件：/.test(page), 'the list of attachments')],
    ['page-attachment-1.png', file, first((page) => /^\s*附件1/m.test(page), '附件1')],
    ['page-attachment-2-landscape.png', file, first((page) => /^\s*附件2/m.test(page), '附件2')],
    ['page-city-extract.png', cityFile, 1],
  ];
  for (const name of readdirSync(out)) if (name.endsWith('.png')) rmSync(join(out, name));
  for (const [name, source, page] of shots) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', source, join(work, 'shot')]);
    renameSync(join(work, 'shot.png'), join(out, name));
    console.log(`${name}: page ${page}`);
  }
  rmSync(work, { recursive: true, force: true });
} else {
  mkdirSync(out, { recursive: true });
  const wanted: [string, string | undefined][] = [['2020-05', undefined], ['2020-12', undefined], ...CITY_CODES.map((code): [string, string] => ['2020-05', code])];
  for (const [period, city] of wanted) {
    const name = `${period}${city ? `-${city}` : ''}`;
    const document = (await (await draft(period, 'json', city)).json()) as BulletinDocument;
    writeFileSync(join(out, `${name}.json`), JSON.stringify(document, null, 1));
    writeFileSync(join(out, `${name}.pdf`), Buffer.from(await (await draft(period, 'pdf', city)).arrayBuffer()));
    writeFileSync(join(out, `${name}.docx`), Buffer.from(await (await draft(period, 'docx', city)).arrayBuffer()));
    execFileSync('pdftoppm', ['-png', '-r', '50', join(out, `${name}.pdf`), join(out, name)]);
    console.log(`${name}: ${pdfPages(join(out, `${name}.pdf`)).length} pages`);
  }
}
db.$client.close();
