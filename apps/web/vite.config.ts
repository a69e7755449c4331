import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every compressible file of the build, once, for
 * the server to send as they are (apps/api/src/web-app.ts): the strongest settings cost seconds at build time
 * and nothing per request. A few lines of node:zlib rather than a plugin dependency.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'dispatch:precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir!, file);
          const raw = await readFile(path);
          const variants = [
            [`${path}.br`, await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
            [`${path}.gz`, await gzipped(raw, { level: 9 })],
          ] as const;
          // A variant no smaller than the file is not written; the server then sends the file itself.
          await Promise.all(variants.filter(([, bytes]) => bytes.length < raw.length).map(([to, bytes]) => writeFile(to, bytes)));
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // `npm run dev:web` proxies the API started by `npm run dev`.
  server: { proxy: { '/api': 'http://localhost:8080' } },
  build: { chunkSizeWarningLimit: 1200 },
});
