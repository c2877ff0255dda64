// Development only (not shipped, not used by tests): the real API server on a simulated demo
// workspace, serving web/dist on 127.0.0.1:8080. Run `npx vite build web` first, or use
// `npx vite web` for hot reload (it proxies /api here). Limits: rebuilds the workspace each start.

import { rmSync } from 'node:fs';
import { startServer } from '../../src/server/index.ts';
import { simulate } from '../../src/simulate/index.ts';
import { openWorkspace } from '../../src/workspace/workspace.ts';

const db = process.env['CXKPI_DEV_DB'] ?? '/tmp/cxkpi-web-dev.duckdb';
const scenario = process.env['CXKPI_DEV_SCENARIO'] ?? 'default';
const scale = Number(process.env['CXKPI_DEV_SCALE'] ?? 0.05);
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const ws = await openWorkspace({ path: db });
await simulate(ws, { scenario, scale });
await ws.close();
const server = await startServer({ dbPath: db, port: 8080, webDir: 'web/dist' });
console.log(`dev server on ${server.url}`);
