import { defineProject } from 'vitest/config';

// LOG_LEVEL warn: the in-process apps of the tests would otherwise print a JSON line per request into vitest's
// output; servers the tests start inherit it unless a test asks for info (the request log's own tests do).
export default defineProject({ test: { name: 'api', include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, env: { LOG_LEVEL: 'warn' } } });
