// A workspace: one DuckDB file holding data, quarantine, import log and settings. Opening it
// creates the schema when missing. The file is locked to one process while open.

import { openDuckDb, type DuckDbRunner } from '../engine/dialects/duckdb/duckdb-runner.ts';
import { settingsSchema, type WorkspaceSettings } from '../metrics/settings.ts';
import { invalidSetting } from '../metrics/settings-override.ts';
import { UserError } from '../errors.ts';
import { workspaceDdl } from './schema.ts';

export const DEFAULT_DB = './cxkpi.duckdb';

export interface Workspace {
  readonly runner: DuckDbRunner;
  readonly path: string;
  settings(): Promise<WorkspaceSettings>;
  /** The stored settings document as saved, unvalidated (for `config set` to repair it). */
  storedSettings(): Promise<unknown>;
  saveSettings(s: WorkspaceSettings): Promise<void>;
  close(): Promise<void>;
}

export async function openWorkspace({
  path = DEFAULT_DB,
}: { path?: string } = {}): Promise<Workspace> {
  let runner: DuckDbRunner;
  try {
    runner = await openDuckDb({ path });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/lock/i.test(msg)) {
      throw new UserError(
        'WORKSPACE_LOCKED',
        `The workspace ${path} is in use by another process.`,
        {
          file: path,
          fix: 'Stop the other cxkpi process (for example a running `cxkpi serve`), or send writes through its API.',
        },
      );
    }
    throw e;
  }
  for (const ddl of workspaceDdl(runner.dialect)) await runner.exec(ddl);
  return workspaceOn(runner, path);
}

/** The workspace API over a runner; the server builds one over its per-request connections. */
export function workspaceOn(runner: DuckDbRunner, path: string): Workspace {
  return {
    runner,
    path,
    settings: async () => validSettings(await readStored(runner), path),
    storedSettings: () => readStored(runner),
    saveSettings: async (s) => {
      const json = JSON.stringify(settingsSchema.parse(s));
      await runner.exec(
        `INSERT OR REPLACE INTO settings VALUES ('workspace', ${runner.dialect.literal(json)})`,
      );
    },
    close: () => runner.close(),
  };
}

async function readStored(runner: DuckDbRunner): Promise<unknown> {
  const rows = await runner.all(`SELECT value FROM settings WHERE key = 'workspace'`);
  const raw = rows[0]?.['value'];
  return typeof raw === 'string' ? JSON.parse(raw) : {};
}

/** A stored value that no longer validates names the setting and how to set it right. */
function validSettings(stored: unknown, path: string): WorkspaceSettings {
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const e = invalidSetting(parsed.error, stored);
  throw new UserError(e.code, `The workspace ${path} has an invalid setting. ${e.message}`, {
    ...e.location,
    file: path,
    fix: `${e.location.fix ?? ''} Set it with: cxkpi config set ${e.location.parameter ?? '<setting>'} <value>.`.trim(),
  });
}
