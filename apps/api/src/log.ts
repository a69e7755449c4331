/**
 * The server's log: one JSON line per event on stdout (pino), level by LOG_LEVEL. Every line carries `time`,
 * `level` and `msg`; a request's lines carry its `reqId`. Secrets never reach it: the fields named below are
 * replaced by "[redacted]" wherever a caller passes them, and callers log routes as patterns, never bodies.
 */
import { pino, type Logger } from 'pino';
import { logLevel } from './env.ts';

const REDACTED = [
  'password', '*.password', 'newPassword', '*.newPassword', 'currentPassword', '*.currentPassword',
  'passwordHash', '*.passwordHash', 'token', '*.token', 'tokenHash', '*.tokenHash', 'csrfToken', '*.csrfToken',
  'cookie', '*.cookie', 'headers.cookie', 'headers["set-cookie"]', 'headers["x-csrf-token"]', 'authorization', '*.authorization',
];

/** The process's logger; `log.child({ reqId })` for a request's lines. */
export const log: Logger = pino({
  level: logLevel(),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACTED, censor: '[redacted]' },
  formatters: { level: (label) => ({ level: label }) },
});
