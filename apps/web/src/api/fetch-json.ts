import type { ErrorBody } from '@dispatch/core';

/** An API failure carrying the server's own message (already in Chinese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** for a failed sign-in: attempts left before the account is held back */
    readonly remaining?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Whether asking again may help: the network failed (status 0) or the server had trouble (5xx). A 4xx is the
 * server's answer (refused, not there, not valid) and stays the same however often it is asked; an error that is
 * not the API's (unknown) is tried again.
 */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** The session's CSRF token, sent with every state-changing request (the server refuses them without it). */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** For a request fetch cannot make (an upload with progress goes through XMLHttpRequest). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** An error answer's body as an ApiError: the server's own words, or the status when it gave none. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  return new ApiError(status, error?.code ?? 'ERROR', error?.message ?? `请求失败（${status}）`, error?.remaining);
}

/** The web app's one way to call the API: a non-2xx answer becomes an ApiError with the server's message. */
export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const method = (init?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers);
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken) headers.set('x-csrf-token', csrfToken);
    if (init?.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, body);
  return body as T;
}

/** POST a JSON body. */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  return fetchJson<T>(path, { method: 'POST', body: JSON.stringify(body) });
}
