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
  /** what the server printed until it was ready (the demo passwords, on a first start) */
  output: string;
  stop(): Promise<void>;
}

/** A server this process started: it can also be killed by a signal (SIGKILL: a crash). */
export interface SpawnedServer extends RunningServer {
  /** sends `signal` and resolves once the process has ended */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The demo accounts' passwords as `npm start` prints them on a first start: login → password. */
export function printedDemoPasswords(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^ {2}(demo-[a-z]+)\s.*密码 (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
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
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    stop: () => kill('SIGTERM'),
    kill,
  };
}
