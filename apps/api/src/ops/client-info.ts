/**
 * Who sent a request, as far as the server can believe it. Behind TRUST_PROXY reverse proxies, the client's address
 * is the TRUST_PROXY-th entry of X-Forwarded-For counted from the right (each proxy appends the address it was called
 * from; entries further left were written by the client and may be forged), and the scheme is X-Forwarded-Proto's —
 * the same reading as Express's `trust proxy` set to a number. With TRUST_PROXY 0 no forwarded header is believed.
 */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientInfo {
  /** the client's address (null for a request made in-process, without a socket) */
  address: string | null;
  /** whether the client reached the service over https (directly, or to the trusted proxy) */
  https: boolean;
}

function socketAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // requests made in-process (tests) have no socket
  }
}

/** The addresses a request passed, nearest first: the socket's peer, then X-Forwarded-For from the right. */
function hops(c: Context): (string | null)[] {
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return [socketAddress(c), ...forwarded.reverse()];
}

export function clientInfo(c: Context, trustProxy: number): ClientInfo {
  const direct = c.req.url.startsWith('https:');
  if (trustProxy === 0) return { address: socketAddress(c), https: direct };
  const chain = hops(c);
  let at = Math.min(trustProxy, chain.length - 1);
  // What a trusted proxy wrote is an address; anything else came from the client: the nearest trusted hop stands.
  while (at > 0 && !isIP(chain[at] ?? '')) at--;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return { address: chain[at] ?? null, https: proto ? proto === 'https' : direct };
}
