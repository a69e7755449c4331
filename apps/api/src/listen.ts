import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { App } from './app.ts';
import { answerClientError } from './client-errors.ts';

/** The app on a port, with the requests Node itself refuses answered in the product's shape. */
export function listen(app: App, options: { port: number; hostname: string }, onListening?: (info: AddressInfo) => void): ServerType {
  const server = serve({ fetch: app.fetch, ...options }, onListening);
  server.on('clientError', answerClientError);
  return server;
}
