import { defineConfig } from 'vitest/config';
import { EveryProjectHasTestsReporter } from './every-project-has-tests.ts';

/**
 * The one list of test projects; `npm test` runs `vitest run --config vitest.workspace.ts`.
 * Vitest 4 ignores a bare workspace file, so this is a real config. Every path here must exist; a failing test
 * in any project fails the run, and so does a project that has no test file (EveryProjectHasTestsReporter).
 */
export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/db', 'apps/api', 'apps/web', 'apps/web/e2e', 'data', 'scripts'],
    passWithNoTests: false,
    // The JSON report is what .ci/run counts for its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }], new EveryProjectHasTestsReporter()],
  },
});
