/**
 * The fuzzer's own rules: the same seed plans the same requests; a signed-in write with the CSRF token only ever
 * carries something that makes it invalid; and the checks bite — a 5xx, a hang and an error not in the product's
 * shape are each reported.
 */
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { listen } from '../testing/test-session.ts';
import { fuzz, planRequests, type Identity } from './fuzz.ts';
import { readOperations } from './operations.ts';
import { REFUSED_WHATEVER } from './requests.ts';

/** A small document in the product's form: a read with a path and a query parameter, a JSON write, an upload. */
const DOCUMENT = {
  paths: {
    '/api/things/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[1-9]\\d*$', example: '1' } }, { name: 'period', in: 'query', schema: { type: 'string', example: '2020-05' } }] },
      patch: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: '1' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Edit' } } } },
      },
    },
    '/api/uploads': { post: { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } } },
    '/api/auth/logout': { post: {} },
  },
  components: { schemas: { Edit: { type: 'object', properties: { text: { type: 'string' }, version: { type: 'integer', minimum: 1 } }, required: ['text', 'version'] } } },
};

const IDENTITIES: Identity[] = [{ name: 'signed-out' }, { name: 'admin', cookie: 'dispatch_session=abc', csrf: 'token' }];

describe('planning', () => {
  test('the same seed plans the same requests; another seed others', () => {
    const ops = readOperations(DOCUMENT);
    const plan = (seed: number) => planRequests(ops, IDENTITIES, seed, 200).map((p) => [p.op.method, p.built.path, p.built.body?.toString()]);
    expect(plan(42)).toEqual(plan(42));
    expect(plan(43)).not.toEqual(plan(42));
  });

  test('a signed-in write with the CSRF token carries only mutations that make it invalid; logout is never sent with it', () => {
    const planned = planRequests(readOperations(DOCUMENT), IDENTITIES, 7, 2_000);
    const withToken = planned.filter((p) => p.withCsrf);
    expect(withToken.length).toBeGreaterThan(100);
    for (const p of withToken) expect(REFUSED_WHATEVER).toContain(p.built.mutation);
    expect(withToken.filter((p) => p.op.path === '/api/auth/logout')).toEqual([]);
    // The body-wrong-type mutation of the PATCH gives a field a type its schema does not allow.
    for (const p of withToken.filter((p) => p.op.method === 'PATCH' && p.built.mutation === 'body-wrong-type')) {
      const body = JSON.parse(p.built.body!.toString()) as { text: unknown; version: unknown };
      expect(typeof body.text !== 'string' || typeof body.version !== 'number').toBe(true);
    }
  });

  test('every operation is planned, as each identity', () => {
    const planned = planRequests(readOperations(DOCUMENT), IDENTITIES, 1, 100);
    const seen = new Set(planned.map((p) => `${p.identity.name} ${p.op.method} ${p.op.path}`));
    expect(seen).toEqual(new Set(['signed-out GET /api/things/{id}', 'admin GET /api/things/{id}', 'signed-out PATCH /api/things/{id}', 'admin PATCH /api/things/{id}',
      'signed-out POST /api/uploads', 'admin POST /api/uploads', 'signed-out POST /api/auth/logout', 'admin POST /api/auth/logout']));
  });
});

describe('the checks bite', () => {
  test('a 5xx, a hang and an error answer not in the product shape are each reported', { timeout: 60_000 }, async () => {
    const app = new Hono()
      .get('/api/openapi.json', (c) => c.json(DOCUMENT))
      .get('/api/things/:id', (c) => c.json({ error: { code: 'INTERNAL', message: '服务器内部错误' } }, 500))
      .patch('/api/things/:id', () => new Promise<Response>(() => {})) // never answers
      .post('/api/uploads', (c) => c.text('Bad Request', 400))
      .post('/api/auth/logout', (c) => c.json({ ok: true }));
    const server = await listen(app.fetch);
    try {
      const figures = await fuzz(server.base, IDENTITIES, { seed: 3, budget: 24, concurrency: 4, hangMs: 500 });
      expect(figures.byClass['5xx']).toBeGreaterThan(0);
      expect(figures.hangs).toBeGreaterThan(0);
      expect(figures.badShape).toBeGreaterThan(0);
      const problems = figures.failures.map((f) => `${f.request} → ${f.problem}`);
      expect(problems.filter((p) => /GET \/api\/things\/1.* → 500 /.test(p)).length).toBeGreaterThan(0);
      expect(problems.filter((p) => /PATCH \/api\/things\/.* → no answer in 500 ms/.test(p)).length).toBeGreaterThan(0);
      expect(problems.filter((p) => /POST \/api\/uploads.* → 400 error answer: content-type text\/plain/.test(p)).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
