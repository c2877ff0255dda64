// Development only (not shipped, not used by tests): the real API server on synthetic data,
// serving web/dist, on 127.0.0.1:8080. Limits: the data is crude; src/simulate makes the demo.

import { rmSync } from 'node:fs';
import { startServer } from '../../src/server/index.ts';
import { openWorkspace } from '../../src/workspace/workspace.ts';
import { fillDevData } from './dev-data.ts';

const db = '/tmp/cxkpi-web-dev.duckdb';
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const ws = await openWorkspace({ path: db });
await fillDevData(ws.runner);
await ws.saveSettings({ ...(await ws.settings()), targets: { service_level: 80, asa: 30 } });
await ws.close();
const server = await startServer({ dbPath: db, port: 8080, webDir: 'web/dist' });
console.log(`dev server on ${server.url}`);
