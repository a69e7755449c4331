/**
 * `npm run build` (scripts/build-web.ts) as a real process on a small web app of its own: skipped when nothing
 * changed, and `dist` — which a running server serves — is never emptied, not while building, not after a failure.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_BUILD, OLD_ASSETS_KEPT_MS, STAMP } from './build-web.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
let app: string;
let dist: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'dispatch-build-'));
  dist = join(app, 'dist');
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/main.js"></script>');
  writeFileSync(join(app, 'main.js'), "document.body.textContent = 'first';");
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** The build script as its own process, on the small app. */
async function runBuild(): Promise<{ status: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts', '--root', app, '--dist', dist, '--input', app], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const [status] = (await once(child, 'exit')) as [number | null];
  return { status, output };
}

/** The page `dist` serves now, and whether every script and style it names is there. */
function servedApp(): { page: string; complete: boolean } {
  for (;;) {
    const page = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '';
    const assets = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    const complete = page !== '' && assets.length > 0 && assets.every((a) => existsSync(join(dist, a)));
    // A page replaced between reading it and looking for its files is asked about again: the new one is served.
    const now = existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : '';
    if (now === page) return { page, complete };
  }
}

/** Runs the build while looking at `dist` every few milliseconds; answers how many looks found it incomplete. */
async function buildWhileWatching() {
  let looks = 0;
  let incomplete = 0;
  const watcher = setInterval(() => {
    looks++;
    if (!servedApp().complete) incomplete++;
  }, 2);
  const result = await runBuild();
  clearInterval(watcher);
  return { ...result, looks, incomplete };
}

const leftovers = () => readdirSync(app).filter((name) => name.startsWith('.build-'));
/** The script the served page names. */
function servedScript(): string {
  const [, asset] = /src="\/(assets\/[^"]+)"/.exec(servedApp().page)!;
  return readFileSync(join(dist, asset!), 'utf8');
}
const scriptText = () => readdirSync(join(dist, 'assets')).map((f) => readFileSync(join(dist, 'assets', f), 'utf8')).join('\n');

describe('npm run build', () => {
  test('builds dist with the hash of its sources; a second run with nothing changed skips and leaves dist untouched', async () => {
    const first = await runBuild();
    expect(first).toMatchObject({ status: 0 });
    expect(servedApp().complete).toBe(true);
    const before = statSync(join(dist, 'index.html'));
    const second = await runBuild();
    const after = statSync(join(dist, 'index.html'));
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino: before.ino, mtimeMs: before.mtimeMs });
    expect(existsSync(join(dist, STAMP))).toBe(true);
    expect(first.output).toContain('网页应用已构建');
    expect(second.output).toContain('网页应用已是最新，跳过构建');
  });

  test('a changed source rebuilds; dist is complete at every look while it builds, and after', async () => {
    writeFileSync(join(app, 'main.js'), "document.body.textContent = 'second';");
    const result = await buildWhileWatching();
    expect(result.status).toBe(0);
    expect(result.looks).toBeGreaterThan(0);
    expect(result.incomplete).toBe(0);
    expect(result.output).toContain('网页应用已构建');
    expect(servedScript()).toContain('second');
    // The old build's script stays for a while: a page opened before the rebuild may still ask for it.
    expect(scriptText()).toContain('first');
    expect(leftovers()).toEqual([]);
  });

  test('an earlier build’s assets go once they are older than a week', async () => {
    const old = readdirSync(join(dist, 'assets')).filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('first'));
    expect(old.length).toBeGreaterThan(0);
    const weekAgo = (Date.now() - OLD_ASSETS_KEPT_MS - 60_000) / 1000;
    for (const file of old) utimesSync(join(dist, 'assets', file), weekAgo, weekAgo);
    writeFileSync(join(app, 'main.js'), "document.body.textContent = 'third';");
    expect((await runBuild()).status).toBe(0);
    expect(scriptText()).not.toContain('first');
    expect(scriptText()).toContain('second'); // the previous build's, still young
    expect(servedScript()).toContain('third');
  });

  test('a build that fails leaves the served dist as it was', async () => {
    const served = servedApp().page;
    writeFileSync(join(app, 'main.js'), 'document.body.textContent = ;');
    const result = await buildWhileWatching();
    expect(result.status).not.toBe(0);
    expect(result.incomplete).toBe(0);
    expect(servedApp()).toEqual({ page: served, complete: true });
    expect(leftovers()).toEqual([]);
  });

  test('the real build’s inputs exist (a moved folder would silently leave the hash)', () => {
    expect(DEFAULT_BUILD.inputs.filter((input) => !existsSync(input))).toEqual([]);
  });
});
