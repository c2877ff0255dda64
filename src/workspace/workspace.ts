// A workspace: one DuckDB file holding data, quarantine, import log and settings. Opening it
// creates the schema when missing. The file is locked to one process while open.

import { openDuckDb, type DuckDbRunner } from '../engine/dialects/duckdb/duckdb-runner.ts';
import { settingsSchema, type WorkspaceSettings } from '../metrics/settings.ts';
import { UserError } from '../errors.ts';
import { workspaceDdl } from './schema.ts';

export const DEFAULT_DB = './cxkpi.duckdb';

export interface Workspace {
  readonly runner: DuckDbRunner;
  readonly path: string;
  settings(): Promise<WorkspaceSettings>;
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
  return {
    runner,
    path,
    settings: () => readSettings(runner),
    saveSettings: async (s) => {
      const json = JSON.stringify(settingsSchema.parse(s));
      await runner.exec(
        `INSERT OR REPLACE INTO settings VALUES ('workspace', ${runner.dialect.literal(json)})`,
      );
    },
    close: () => runner.close(),
  };
}

async function readSettings(runner: DuckDbRunner): Promise<WorkspaceSettings> {
  const rows = await runner.all(`SELECT value FROM settings WHERE key = 'workspace'`);
  const raw = rows[0]?.['value'];
  return settingsSchema.parse(typeof raw === 'string' ? JSON.parse(raw) : {});
}
