import type { ErrorBody } from '@dispatch/core';
import type { Duplex } from 'node:stream';

/**
 * A request Node's HTTP parser refuses never reaches the app: Node answers it itself, with an empty body (a query
 * string past the 16 KB header limit, a malformed request line). These are the same answers in the product's
 * shape: JSON `{error: {code, message}}` in Chinese.
 */
const ANSWERS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431, reason: 'Request Header Fields Too Large', code: 'REQUEST_TOO_LONG',
    message: '请求地址或请求头过长（超过 16 KB）：请减少或缩短查询参数',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', message: '请求超时，请重试' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: '请求格式不正确，无法解析' };

/** The raw HTTP/1.1 answer to a request the parser refused with `errorCode`. */
export function clientErrorResponse(errorCode: string | undefined): string {
  const { status, reason, code, message } = (errorCode && ANSWERS[errorCode]) || MALFORMED;
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** For the server's 'clientError' event, which replaces Node's own answer; as Node does, nothing is written to a
 * socket that is gone or that already carries a response. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(err.code));
}
