/**
 * The fuzzer: every operation of the server's own OpenAPI document, as each identity (signed out, and signed in as a
 * few posts, with and without the CSRF token), with one thing broken per request. Deterministic for a seed.
 */
import { Agent } from 'node:http';
import { FORGED_COOKIES } from './hostile.ts';
import { call, sendRaw, type RawAnswer } from './http.ts';
import { readOperations, type Operation } from './operations.ts';
import { createPrng } from './prng.ts';
import { buildRequest, mutationsFor, type Built } from './requests.ts';

export interface Identity {
  /** 'signed-out', 'forged-session', or the post signed in */
  name: string;
  /** sends a forged or broken session cookie (one of FORGED_COOKIES per request) */
  forged?: boolean;
  cookie?: string;
  csrf?: string;
}

export interface FuzzOptions {
  seed: number;
  /** how many requests in all */
  budget: number;
  concurrency: number;
  hangMs: number;
}

export interface FuzzFailure {
  request: string;
  problem: string;
}

export interface FuzzFigures {
  operations: number;
  sent: number;
  byClass: Record<string, number>;
  byStatus: Record<string, number>;
  hangs: number;
  /** the connection closed without an answer */
  noAnswer: number;
  /** Node's own client refused to send the request line (not counted as sent) */
  notSendable: number;
  /** error answers not in the product's shape {error:{code,message}} with a Chinese message */
  badShape: number;
  /** signed-in writes with the CSRF token answered 2xx (expected none but computations like a suggestion) */
  acceptedWrites: string[];
  /** the first few requests answered with each status, to look at */
  examples: Record<string, string[]>;
  failures: FuzzFailure[];
}

interface Planned {
  op: Operation;
  identity: Identity;
  withCsrf: boolean;
  built: Built;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Ending the session would leave the rest of the run signed out: logout is fuzzed without the token only. */
const SKIP_WITH_TOKEN = new Set(['POST /api/auth/logout']);

/** The requests, in order: operations × identities × (with, without the token) in turn, each with a random mutation. */
export function planRequests(operations: Operation[], identities: Identity[], seed: number, budget: number): Planned[] {
  const prng = createPrng(seed);
  const slots = operations.flatMap((op) =>
    identities.flatMap((identity) =>
      (identity.cookie && !SAFE.has(op.method) ? [true, false] : [false])
        .filter((withCsrf) => !(withCsrf && SKIP_WITH_TOKEN.has(`${op.method} ${op.path}`)))
        .map((withCsrf) => ({ op, identity, withCsrf })),
    ),
  );
  const planned: Planned[] = [];
  for (let i = 0; planned.length < budget && i < budget * 4; i++) {
    const slot = slots[i % slots.length]!;
    const mustBeRefused = slot.withCsrf;
    const mutations = mutationsFor(slot.op, mustBeRefused);
    if (!mutations.length) continue;
    const built = buildRequest(slot.op, prng.pick(mutations), prng);
    if (slot.identity.forged) built.headers.cookie = prng.pick(FORGED_COOKIES);
    planned.push({ ...slot, built });
  }
  return planned;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** What is wrong with an error answer's body, if anything. */
function shapeProblem(answer: Extract<RawAnswer, { kind: 'answer' }>, op: Operation): string | undefined {
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return `content-type ${type || '(none)'}`;
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { error?: { code?: unknown; message?: unknown } };
    if (op.ownErrorBodies.includes(answer.status)) return undefined; // documented with a body of its own
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') return 'not {error:{code,message}}';
    if (!CHINESE.test(body.error.message)) return `message not Chinese: ${body.error.message}`;
    return undefined;
  } catch {
    return 'body is not JSON';
  }
}

function headersFor(base: URL, p: Planned): Record<string, string> {
  const headers: Record<string, string> = {};
  if (p.identity.cookie) headers.cookie = p.identity.cookie;
  if (p.withCsrf && p.identity.csrf) headers['x-csrf-token'] = p.identity.csrf;
  // Half the writes come with this site's Origin, so that the token, not the origin check, is what refuses them.
  if (!SAFE.has(p.built.method ?? p.op.method) && (p.withCsrf || p.built.path.length % 2 === 0)) headers.origin = base.origin;
  return { ...headers, ...p.built.headers }; // a mutated header wins
}

function describe(p: Planned): string {
  const path = p.built.path.length > 160 ? `${p.built.path.slice(0, 160)}…(${p.built.path.length})` : p.built.path;
  return `${p.identity.name}${p.withCsrf ? '+csrf' : ''} ${p.built.method ?? p.op.method} ${path} [${p.built.mutation}]`;
}

export async function fuzz(baseUrl: string, identities: Identity[], options: FuzzOptions): Promise<FuzzFigures> {
  const base = new URL(baseUrl);
  const document = (await call(baseUrl, 'GET', '/api/openapi.json')).body as Parameters<typeof readOperations>[0];
  const operations = readOperations(document);
  const planned = planRequests(operations, identities, options.seed, options.budget);
  const figures: FuzzFigures = { operations: operations.length, sent: 0, byClass: {}, byStatus: {}, hangs: 0, noAnswer: 0, notSendable: 0, badShape: 0, acceptedWrites: [], examples: {}, failures: [] };
  const fail = (p: Planned, problem: string) => figures.failures.push({ request: describe(p), problem });
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  let next = 0;
  const worker = async () => {
    while (next < planned.length) {
      const p = planned[next++]!;
      const method = p.built.method ?? p.op.method;
      const answer = await sendRaw(base, agent, { method, path: p.built.path, headers: headersFor(base, p), body: p.built.body }, options.hangMs);
      if (answer.kind === 'error' && answer.message.startsWith('client refused')) {
        figures.notSendable++;
        continue;
      }
      figures.sent++;
      if (answer.kind === 'hang') {
        figures.hangs++;
        fail(p, `no answer in ${options.hangMs} ms`);
      } else if (answer.kind === 'error') {
        figures.noAnswer++;
        fail(p, `connection closed without an answer: ${answer.message}`);
      } else {
        const cls = `${Math.floor(answer.status / 100)}xx`;
        figures.byClass[cls] = (figures.byClass[cls] ?? 0) + 1;
        figures.byStatus[answer.status] = (figures.byStatus[answer.status] ?? 0) + 1;
        const examples = (figures.examples[answer.status] ??= []);
        if (examples.length < 3) examples.push(describe(p));
        if (answer.status >= 500) fail(p, `${answer.status} ${answer.body.toString('utf8').slice(0, 200)}`);
        if (answer.status >= 400 && method !== 'HEAD') {
          const problem = shapeProblem(answer, p.op);
          if (problem) {
            figures.badShape++;
            fail(p, `${answer.status} error answer: ${problem}`);
          }
        }
        if (answer.status < 300 && p.withCsrf) figures.acceptedWrites.push(`${describe(p)} → ${answer.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return figures;
}
