// Public surface of the HTTP API: build the Fastify app (for tests), start it on a workspace
// file with a lock file, and find a running server. Limits: Fastify 5; one workspace per server.

export { buildServer } from './build-server.ts';
export type { BuildServerOptions } from './build-server.ts';
export { findRunningServer } from './find-running-server.ts';
export { startServer } from './start-server.ts';
export type { RunningServer, StartServerOptions } from './start-server.ts';
export { lockPath } from './lock-file.ts';
export type { ServerLock } from './lock-file.ts';
