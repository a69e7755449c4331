import type { Reporter, Vitest } from 'vitest/node';

/**
 * Vitest passes a project that has no test files without a word. This reporter fails the run when any project
 * in the workspace matches no test file at all (a moved folder, a wrong include), whatever the run selected.
 */
export class EveryProjectHasTestsReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(): Promise<void> {
    const empty: string[] = [];
    for (const project of this.vitest?.projects ?? []) {
      const { testFiles } = await project.globTestFiles();
      if (testFiles.length === 0) empty.push(project.name);
    }
    if (empty.length > 0) {
      console.error(`\n✗ test projects with no test file: ${empty.join(', ')}`);
      process.exitCode = 1;
    }
  }
}
