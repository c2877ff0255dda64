// `cxkpi serve`: the HTTP API and the dashboard on 127.0.0.1, owning the workspace file while it
// runs. `--demo` first builds the demo workspace when the file does not exist (npm start).

import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.ts';
import type { Ctx } from '../context.ts';
import { buildDemo } from './demo.ts';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export function registerServe(program: Command, ctx: Ctx): void {
  program
    .command('serve')
    .description('Serve the API and the dashboard (127.0.0.1 by default)')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 = any free port)', '8080')
    .option('--demo', 'build the demo workspace first when the workspace file does not exist')
    .action(async (o: { host: string; port: string; demo?: boolean }) => {
      const port = parsePort(o.port);
      const dbPath = ctx.dbPath();
      if (o.demo && !existsSync(dbPath)) await buildDemo(ctx, {});
      const webDir = existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined;
      // Loaded here: Fastify is heavy, and other commands should start quickly.
      const { startServer } = await import('../../server/start-server.ts');
      const server = await startServer({
        dbPath,
        memoryLimit: ctx.memoryLimit(),
        host: o.host,
        port,
        ...(webDir ? { webDir } : {}),
      });
      ctx.io.out(
        `cxkpi is serving ${dbPath}\n  dashboard: ${server.url}/${webDir ? '' : ' (not built: run npm run build)'}\n  API:       ${server.url}/api/v1/kpis\n  OpenAPI:   ${server.url}/api/openapi.json\nPress Ctrl+C to stop.\n`,
      );
    });
}

/** A TCP port, 0–65535 (0: any free one), checked before anything starts. */
function parsePort(raw: string): number {
  const n = /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(n >= 0 && n <= 65535)) {
    throw new UserError('INVALID_PARAMETER', `Invalid --port "${raw}": expected 0–65535.`, {
      parameter: 'port',
      value: raw,
      fix: 'Give a free port such as 8080, or 0 for any free port.',
    });
  }
  return n;
}
