import { serve, type ServerType } from '@hono/node-server';
import { once } from 'node:events';
import { Agent, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { drainable } from './shutdown.ts';

let server: ServerType | undefined;
afterEach(() => {
  if (server && 'closeAllConnections' in server) server.closeAllConnections();
});

async function served(): Promise<{ server: ServerType; url: string }> {
  server = serve({ fetch: () => new Response('ok'), port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function fetchVia(agent: Agent, url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    }).on('error', reject);
  });
}

test('a keep-alive connection idle when draining starts is not cut: its next request is answered, with Connection: close', async () => {
  const { server, url } = await served();
  const drain = drainable(server);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  expect((await fetchVia(agent, url)).headers.connection).toBe('keep-alive');
  const drained = drain(60_000); // a hang guard: the connection closes after the next answer
  // Were the idle connection cut, the agent would open a new one, and the closed listener would refuse it.
  const next = await fetchVia(agent, url);
  expect([next.statusCode, next.headers.connection]).toEqual([200, 'close']);
  expect(await drained).toEqual({ cut: 0 });
  agent.destroy();
});

test('draining refuses new connections', async () => {
  const { server, url } = await served();
  const drained = drainable(server)(60_000);
  await expect(fetchVia(new Agent(), url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  expect(await drained).toEqual({ cut: 0 });
});
