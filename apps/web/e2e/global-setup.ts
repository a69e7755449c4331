import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { asProduction } from './env.ts';

/** Builds the web app once, for production, from the current sources, into a temporary folder that the tests' server serves. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'dispatch-web-'));
  await asProduction(() => build({ root: fileURLToPath(new URL('..', import.meta.url)), logLevel: 'warn', build: { outDir, emptyOutDir: true } }));
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string;
  }
}
