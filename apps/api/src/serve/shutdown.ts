import type { ServerType } from '@hono/node-server';
import type { ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { log } from '../log.ts';

export interface Drain {
  /** Stops accepting and finishes what is in flight; resolves once no connection is left or `timeoutMs` passed. */
  (timeoutMs: number): Promise<{ cut: number }>;
}

/**
 * Makes `server` stoppable without losing a request. Once draining, the listening socket is closed (a new
 * connection is refused, or in a cluster goes to another worker), every answer carries `Connection: close` so that
 * a client opens its next request elsewhere, and the server closes each connection after its answer.
 *
 * A keep-alive connection idle at that moment is not closed at once: a client may be sending its next request on
 * it at that very instant, and would get a reset instead of an answer (http.Server's own close does this: 8
 * ECONNRESETs in ~1,600 requests of the rolling-restart test). It is left to its keep-alive time, which Node
 * announces to clients (`Keep-Alive: timeout=5`) and which clients stop reusing it before; a request that still
 * comes on it is answered, with `Connection: close`.
 */
export function drainable(server: ServerType): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  // First among the 'request' listeners, so the header is set before the app writes its answer.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return (timeoutMs) => {
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const cut = inFlight.size;
        if ('closeAllConnections' in server) server.closeAllConnections();
        resolve({ cut });
      }, timeoutMs);
      // net.Server's close, not http.Server's: the latter also closes idle keep-alive connections at once (above).
      NetServer.prototype.close.call(server, () => {
        clearTimeout(timer);
        resolve({ cut: 0 });
      });
    });
  };
}

/**
 * On SIGTERM or SIGINT: drain, then `close` (the database), then exit 0. The time is bounded by `timeoutMs`, after
 * which the remaining requests are cut and the process exits. A second SIGTERM while draining changes nothing (a
 * cluster worker gets one from the primary and one from systemd); a second Ctrl-C (SIGINT) ends the process at once.
 */
export function stopOnSignals(drain: Drain, timeoutMs: number, close: () => void): void {
  const received = new Set<NodeJS.Signals>();
  const stop = async (signal: NodeJS.Signals) => {
    const again = received.has(signal);
    received.add(signal);
    if (again && signal === 'SIGINT') {
      log.warn({ event: 'shutdown-forced', signal }, 'stopped at once: a second Ctrl-C');
      process.exit(130);
    }
    if (received.size > 1 || again) return;
    log.info({ event: 'shutdown', signal, timeoutMs }, 'stopping: no new connections, finishing requests in flight');
    const { cut } = await drain(timeoutMs);
    if (cut > 0) log.warn({ event: 'shutdown-timeout', cut, timeoutMs }, 'requests still in flight when the shutdown time ran out were cut');
    close();
    log.info({ event: 'stopped' }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
