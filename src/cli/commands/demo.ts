// `cxkpi demo`: builds a demo workspace with the simulator (default: a mid-size Dutch contact
// centre, 90 days). Refuses to overwrite a workspace unless --force.
// Limits: the scenario and flags are checked before any file is touched, and the workspace is
// built into a temporary file beside the target that is renamed into place only when complete,
// so a failed or interrupted build never leaves a workspace that looks finished. A workspace
// that a running server or another process has open is never replaced (checked before the build
// and again before the rename): the server would go on writing into a deleted file.

import type { Command } from 'commander';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../errors.ts';
import { openWorkspace } from '../../workspace/workspace.ts';
import { withWorkspace, type Ctx } from '../context.ts';
import { progress } from '../progress.ts';

export interface DemoOptions {
  scenario?: string;
  scale?: string;
  seed?: string;
  force?: boolean;
}

export function registerDemo(program: Command, ctx: Ctx): void {
  program
    .command('demo')
    .description('Build a demo workspace from a simulated contact centre')
    .option(
      '--scenario <name>',
      'scenario name (examples/scenarios) or path to a JSON file',
      'default',
    )
    .option('--scale <n>', 'multiply volumes and agents (a number > 0)')
    .option('--seed <n>', 'random seed, a whole number (same seed, same data)')
    .option('--force', 'replace an existing workspace file')
    .action(async (o: DemoOptions) => {
      await buildDemo(ctx, o);
    });
}

/** `<target>.building-<pid>`: the file a build writes before it is renamed to the target. */
const BUILDING = '.building-';

export async function buildDemo(ctx: Ctx, o: DemoOptions): Promise<void> {
  const path = ctx.dbPath();
  const scale = parseFlag('scale', o.scale, (v) => Number.isFinite(v) && v > 0, 'a number > 0');
  const seed = parseFlag('seed', o.seed, Number.isSafeInteger, 'a whole number');
  // Loaded here so that commands other than demo start without the simulator.
  const { loadScenario, simulate } = await import('../../simulate/index.ts');
  const scenario = await loadScenario(o.scenario ?? 'default');
  const inMemory = path === ':memory:';
  if (!inMemory && existsSync(path) && !o.force) {
    throw new UserError('WORKSPACE_EXISTS', `The workspace ${path} already exists.`, {
      file: path,
      fix: 'Pass --force to replace it, or --db to choose another file.',
    });
  }
  if (!inMemory) await assertNotInUse(ctx);
  const target = inMemory ? path : `${path}${BUILDING}${process.pid}`;
  if (!inMemory) {
    removeStaleBuilds(path);
    removeDb(target);
  }
  ctx.io.err(
    `Building demo workspace ${path} (scenario ${scenario.name}${scale ? `, scale ${scale}` : ''}) …\n`,
  );
  const bar = progress(ctx.io, { unit: 'records' });
  try {
    const ws = await openWorkspace({ path: target });
    try {
      const summary = await simulate(ws, {
        scenario,
        ...(scale !== undefined ? { scale } : {}),
        ...(seed !== undefined ? { seed } : {}),
        onProgress: (done, entity) => bar.update(done, entity ?? ''),
      });
      // Everything into the main file, so the rename below moves the whole workspace.
      await ws.runner.exec('CHECKPOINT');
      bar.stop();
      ctx.io.err(`${JSON.stringify(summary)}\n`);
    } finally {
      await ws.close();
    }
  } catch (e) {
    bar.stop();
    if (!inMemory) removeDb(target);
    throw e;
  }
  if (inMemory) return;
  try {
    await assertNotInUse(ctx);
  } catch (e) {
    removeDb(target);
    throw e;
  }
  rmSync(`${path}.wal`, { force: true });
  if (existsSync(`${target}.wal`)) renameSync(`${target}.wal`, `${path}.wal`);
  renameSync(target, path);
}

/**
 * Refuses when a server or another process has the workspace open: opening it takes DuckDB's
 * write lock, and withWorkspace's WORKSPACE_LOCKED names the server when one owns the file.
 */
async function assertNotInUse(ctx: Ctx): Promise<void> {
  if (existsSync(ctx.dbPath())) await withWorkspace(ctx, async () => undefined);
}

function parseFlag(
  name: string,
  raw: string | undefined,
  ok: (v: number) => boolean,
  expected: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim() === '' ? NaN : Number(raw);
  if (!ok(v)) {
    throw new UserError('INVALID_PARAMETER', `Invalid --${name} "${raw}": expected ${expected}.`, {
      parameter: name,
      value: raw,
    });
  }
  return v;
}

/** Removes builds of `path` left by processes that no longer run (killed, crashed). */
function removeStaleBuilds(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}${BUILDING}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || name.endsWith('.wal')) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isSafeInteger(pid) && !isRunning(pid)) removeDb(join(dir, name));
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeDb(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
}
