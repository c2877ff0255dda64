// Read commands while `cxkpi serve` owns the workspace: DuckDB lets one process open the file, so
// `report`, `quarantine` and the settings that `kpis`, `staffing` and `config get` read come from
// the running server's API instead, and its errors come back as the UserErrors a local run raises.

import { existsSync } from 'node:fs';
import { UserError, type ErrorLocation } from '../errors.ts';
import { defaultSettings, settingsSchema, type WorkspaceSettings } from '../metrics/settings.ts';
import { findRunningServer } from '../server/find-running-server.ts';
import { withWorkspace, type Ctx } from './context.ts';

/** The server that owns the workspace, announced on stderr; null when there is none. */
export async function serverFor(ctx: Ctx): Promise<string | null> {
  const server = await findRunningServer(ctx.dbPath());
  if (server) ctx.io.err(`(read from the running server at ${server.url})\n`);
  return server?.url ?? null;
}

/** GET a JSON resource of the API; an error answer becomes its UserError. */
export async function getFromServer<T>(
  url: string,
  path: string,
  params: readonly (readonly [string, string])[] = [],
): Promise<T> {
  const qs = new URLSearchParams(params.map(([k, v]) => [k, v]));
  const res = await fetch(`${url}${path}${params.length ? `?${qs}` : ''}`, {
    headers: { accept: 'application/json' },
  });
  const body = (await res.json()) as T & {
    error?: { code?: string; message?: string } & ErrorLocation;
  };
  if (!res.ok || body.error) {
    const { code = 'SERVER_ERROR', message = `HTTP ${res.status}`, ...location } = body.error ?? {};
    throw new UserError(code, message, location);
  }
  return body;
}

/** The workspace settings: from the server that owns the file, the file, or the defaults. */
export async function readSettings(ctx: Ctx): Promise<WorkspaceSettings> {
  const server = await serverFor(ctx);
  if (server) {
    const defs = await getFromServer<{ settings: unknown }>(server, '/api/v1/definitions');
    return settingsSchema.parse(defs.settings);
  }
  return existsSync(ctx.dbPath()) ? withWorkspace(ctx, (ws) => ws.settings()) : defaultSettings();
}
