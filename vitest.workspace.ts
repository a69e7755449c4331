import { defineConfig } from 'vitest/config';

/**
 * The one list of test projects; `npm test` runs `vitest run --config vitest.workspace.ts`.
 * Vitest 4 ignores a bare workspace file, so this is a real config. Every path here must exist, and
 * `passWithNoTests` stays off so that a project whose tests vanish fails the run instead of passing silently.
 */
export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/db', 'apps/api', 'apps/web', 'data'],
    passWithNoTests: false,
  },
});
