/**
 * The load client of `npm run bench -- --load`, run in a process of its own so that it does not share the server's
 * event loop: `concurrency` keep-alive connections spread over the servers' URLs, each with one request in flight at
 * a time, sending `warmup` requests and then `total` timed ones to one path; prints one JSON line with the figures.
 * Bodies are read but not decompressed (a browser's work, not the server's).
 */
import { Agent, request } from 'node:http';

export interface LoadJob {
  urls: string[];
  path: string;
  cookie: string;
  total: number;
  warmup: number;
  concurrency: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** answers by status */
  statuses: Record<number, number>;
  errors: number;
}

function send(url: string, agent: Agent, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(job: LoadJob, agents: Agent[], n: number): Promise<Omit<LoadResult, 'requests' | 'seconds'>> {
  const statuses: Record<number, number> = {};
  let errors = 0;
  let sent = 0;
  const connection = async (i: number) => {
    const url = job.urls[i % job.urls.length]! + job.path;
    const agent = agents[i % agents.length]!;
    while (sent < n) {
      sent++;
      try {
        const status = await send(url, agent, job.cookie);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, (_, i) => connection(i)));
  return { statuses, errors };
}

const job = JSON.parse(process.argv[2]!) as LoadJob;
const agents = job.urls.map(() => new Agent({ keepAlive: true, maxSockets: Math.ceil(job.concurrency / job.urls.length) }));
await run(job, agents, job.warmup);
const started = performance.now();
const { statuses, errors } = await run(job, agents, job.total);
const result: LoadResult = { requests: job.total, seconds: (performance.now() - started) / 1000, statuses, errors };
console.log(JSON.stringify(result));
for (const agent of agents) agent.destroy();
