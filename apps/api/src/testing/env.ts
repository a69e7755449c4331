/**
 * The environment a child process started by a test or a benchmark runs with: this process's, with `overrides`
 * applied (undefined removes a variable). The one place outside the app's own env.ts that reads process.env.
 */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
