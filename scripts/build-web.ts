/**
 * `npm run build`: builds the web app unless `dist` is already built from the same sources, and never takes the
 * running server's `dist` away. `vite build` empties its output folder before writing, so a second `npm start`
 * left a running server without its pages while it built; here vite writes to a temporary folder and the result
 * is moved into `dist` file by file, each page last, so that at every moment `dist` holds a complete app.
 *
 *     tsx scripts/build-web.ts [--root apps/web] [--dist apps/web/dist] [--input path]...
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface WebBuild {
  /** the web app's folder (vite's root, with its vite.config.ts) */
  root: string;
  /** where the built app is served from */
  dist: string;
  /** files and folders whose content decides the build; the hash of them is kept in `dist` */
  inputs: readonly string[];
}

export const DEFAULT_BUILD: WebBuild = {
  root: join(repoRoot, 'apps/web'),
  dist: join(repoRoot, 'apps/web/dist'),
  inputs: ['apps/web', 'packages/core/src', 'data/hunan-map.json', 'data/fonts', 'package-lock.json'].map((p) => join(repoRoot, p)),
};

/** Names the hash of the inputs, inside `dist`; written last, so a build cut short is never taken as up to date. */
export const STAMP = '.build-inputs.sha256';

/** Folders under an input that are not sources: outputs, dependencies, browser tests, builds in progress. */
const NOT_SOURCES = /^(dist|node_modules|e2e|\.build-)/;

/** Every file under `path` (or `path` itself), sorted, skipping NOT_SOURCES folders. */
function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && NOT_SOURCES.test(entry.name)))
    .flatMap((entry) => listFiles(join(path, entry.name)))
    .sort();
}

/** One hash of the inputs' file names and contents. */
export function hashInputs(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(listFiles)) hash.update(`${relative(repoRoot, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function isUpToDate(dist: string, hash: string): boolean {
  const stamp = join(dist, STAMP);
  return existsSync(join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}

/** Files under `dir`, relative to it. */
function relativeFiles(dir: string): string[] {
  return existsSync(dir) ? listAll(dir).map((file) => relative(dir, file)) : [];
}

function listAll(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listAll(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * How long earlier builds' hashed assets stay in `dist`: a page opened before an upgrade loads parts of the app
 * later (the map), by the names its build gave them; they must still be there, not a 404 and a blank page.
 */
export const OLD_ASSETS_KEPT_MS = 7 * 24 * 3_600_000;

/**
 * Moves the fresh build into `dist`: new files first (assets have hashed names, so they sit beside the old ones),
 * then the pages, each replacing the old one in one rename; then what only the old build had is removed, but for
 * assets younger than OLD_ASSETS_KEPT_MS.
 */
function swapIn(fresh: string, dist: string): void {
  mkdirSync(dist, { recursive: true });
  rmSync(join(dist, STAMP), { force: true });
  const files = relativeFiles(fresh);
  const pagesLast = [...files.filter((f) => !f.endsWith('.html')), ...files.filter((f) => f.endsWith('.html'))];
  for (const file of pagesLast) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    renameSync(join(fresh, file), join(dist, file));
  }
  const kept = new Set(files);
  for (const file of relativeFiles(dist)) {
    const path = join(dist, file);
    if (kept.has(file) || (file.startsWith('assets/') && Date.now() - statSync(path).mtimeMs < OLD_ASSETS_KEPT_MS)) continue;
    rmSync(path, { force: true });
  }
  removeEmptyFolders(dist);
}

function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    removeEmptyFolders(join(dir, entry.name));
    if (readdirSync(join(dir, entry.name)).length === 0) rmdirSync(join(dir, entry.name));
  }
}

/** Builds into `dist` unless it is up to date with the inputs; answers which it did. */
export async function buildWeb({ root, dist, inputs }: WebBuild): Promise<'built' | 'up to date'> {
  const hash = hashInputs(inputs);
  if (isUpToDate(dist, hash)) return 'up to date';
  // Beside dist (same file system, so the moves are renames); the name is one NOT_SOURCES skips.
  const fresh = join(dirname(dist), `.build-${process.pid}`);
  try {
    await build({ root, logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
    swapIn(fresh, dist);
    writeFileSync(join(dist, STAMP), hash);
    return 'built';
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

function readArgs(argv: string[]): WebBuild {
  const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, dist: { type: 'string' }, input: { type: 'string', multiple: true } } });
  return {
    root: values.root ? resolve(values.root) : DEFAULT_BUILD.root,
    dist: values.dist ? resolve(values.dist) : DEFAULT_BUILD.dist,
    inputs: values.input ? values.input.map((p) => resolve(p)) : DEFAULT_BUILD.inputs,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = readArgs(process.argv.slice(2));
  const done = await buildWeb(options);
  console.log(done === 'built' ? `网页应用已构建 (web app built): ${options.dist}` : `网页应用已是最新，跳过构建 (web app up to date): ${options.dist}`);
}
