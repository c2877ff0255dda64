// What every command gets: the output channel and the workspace path (global --db).
// Commands open the workspace through `withWorkspace`, so it is always closed again.

import type { Command } from 'commander';
import { defaultMemoryLimit, parseMemoryLimit, setMemoryLimit } from '../workspace/memory-limit.ts';
import { DEFAULT_DB, openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { UserError } from '../errors.ts';
import { findRunningServer } from '../server/find-running-server.ts';
import { LANGS, type Lang } from '../metrics/types.ts';
import type { CliIo } from './io.ts';
import { FORMATS, type Format } from './output.ts';

export interface Ctx {
  readonly io: CliIo;
  dbPath(): string;
  /** DuckDB's memory limit in bytes (global --memory-limit, $CXKPI_MEMORY_LIMIT, or default). */
  memoryLimit(): number;
}

export function makeCtx(program: Command, io: CliIo): Ctx {
  return {
    io,
    dbPath: () => (program.opts()['db'] as string | undefined) ?? io.env['CXKPI_DB'] ?? DEFAULT_DB,
    memoryLimit: () => {
      const given =
        (program.opts()['memoryLimit'] as string | undefined) ?? io.env['CXKPI_MEMORY_LIMIT'];
      return given === undefined ? defaultMemoryLimit() : parseMemoryLimit(given);
    },
  };
}

export async function withWorkspace<T>(ctx: Ctx, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const limit = ctx.memoryLimit();
  const ws = await openWorkspace({ path: ctx.dbPath() }).catch(async (e: unknown) => {
    throw await namingServer(ctx.dbPath(), e);
  });
  try {
    await setMemoryLimit(ws.runner, limit);
    return await fn(ws);
  } finally {
    await ws.close();
  }
}

export function pickFormat(ctx: Ctx, format: string | undefined): Format {
  if (format === undefined) return ctx.io.isTTY ? 'table' : 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      'INVALID_PARAMETER',
      `Invalid format "${format}". Allowed: ${FORMATS.join(', ')}.`,
      {
        parameter: 'format',
        allowed: FORMATS,
      },
    );
  }
  return format as Format;
}

export function pickLang(lang: string | undefined): Lang {
  const l = lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(l)) {
    throw new UserError('INVALID_PARAMETER', `Invalid lang "${l}". Allowed: ${LANGS.join(', ')}.`, {
      parameter: 'lang',
      allowed: LANGS,
    });
  }
  return l as Lang;
}

/** Commander collector for repeatable options. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A lock held by `cxkpi serve`: say so, with its URL, instead of "another process". */
async function namingServer(path: string, e: unknown): Promise<unknown> {
  if (!(e instanceof UserError) || e.code !== 'WORKSPACE_LOCKED') return e;
  const server = await findRunningServer(path);
  if (!server) return e;
  return new UserError(
    'WORKSPACE_LOCKED',
    `The workspace ${path} is served by the running cxkpi serve at ${server.url}; this command needs the file itself.`,
    {
      file: path,
      fix: `Use the server (the dashboard, or its API: ${server.url}/api/openapi.json), or stop it and run the command again.`,
    },
  );
}
