import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { childEnv } from './env.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  port: number;
  /** the server's process (the cluster's primary when WORKERS > 1) */
  pid: number;
  /** what the server printed so far (the demo passwords on a first start, then its JSON log lines) */
  readonly output: string;
  /** resolves once the output so far passes `test` (e.g. a log line appeared); rejects if the server exits first */
  waitForOutput(test: (output: string) => boolean, timeoutMs?: number): Promise<void>;
  /** the process's exit code (null when a signal ended it), once it has exited */
  exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface SpawnedServer extends RunningServer {
  /** everything it has printed so far, on stdout and stderr (its log lines among it) */
  printed(): string;
  /** sends `signal` and resolves once the process has ended (SIGKILL: a crash) */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The demo accounts' passwords as `npm start` prints them on a first start: login → password. */
export function printedDemoPasswords(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^ {2}(demo-[a-z]+)\s.*密码 (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The JSON log lines in a server's output, parsed (the other lines are for people; a line still being written is left out). */
export function logLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/**
 * The product's own entry point (apps/api/src/server.ts, what `npm start` runs) in a child process on a free
 * loopback port, for end-to-end tests and benchmarks. Resolves once the server prints its address.
 */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of watchers) watcher();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const watcher of watchers) watcher();
  });

  const waitForOutput = (test: (output: string) => boolean, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`not seen in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      const done = (err?: Error) => {
        clearTimeout(timer);
        watchers.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const check = () => {
        if (test(output)) done();
        else if (gone) done(new Error(`server exited with ${child.exitCode}:\n${output}`));
      };
      watchers.add(check);
      check();
    });

  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };

  await waitForOutput((out) => out.includes(`http://localhost:${port}`));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    get output() {
      return output;
    },
    printed: () => output,
    waitForOutput,
    exited,
    signal: (signal) => child.kill(signal),
    kill,
    stop: () => kill('SIGTERM'),
  };
}
