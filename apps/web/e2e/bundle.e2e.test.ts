/** The first screen's script as built for production (the same build the other browser tests are served). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, inject } from 'vitest';

const assets = join(inject('webDist'), 'assets');
const entry = readdirSync(assets).find((f) => /^index-.*\.js$/.test(f))!;
const script = readFileSync(join(assets, entry));

test('the first screen’s script stays under 350 KB gzip (issue 3’s bar)', () => {
  expect(gzipSync(script).length).toBeLessThan(350_000);
});

test('core’s contract (zod schemas) stays on the server: the web app takes only types and display code from core', () => {
  expect(script.includes('ZodError')).toBe(false);
});

test('each built file has its brotli and gzip copies for the server to send', () => {
  const files = readdirSync(assets);
  for (const file of files.filter((f) => /\.(js|css)$/.test(f))) {
    expect(files).toContain(`${file}.br`);
    expect(files).toContain(`${file}.gz`);
  }
});
