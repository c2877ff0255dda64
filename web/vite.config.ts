// Vite config of the dashboard: root web/, output web/dist, React, dev proxy of /api to the server.
// Limits: the dev proxy assumes `cxkpi serve` (or web/dev/dev-server.ts) on 127.0.0.1:8080.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export const config = defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // One bundle on purpose (about 850 kB raw, 285 kB gzip; the budget is 350 kB gzip).
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

// Vite reads the default export; the named export is for scripts and tests.
export default config;
