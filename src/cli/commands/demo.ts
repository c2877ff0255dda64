// `cxkpi demo`: builds a demo workspace with the simulator (default: a mid-size Dutch contact
// centre, 90 days). Refuses to overwrite a workspace unless --force.

import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { UserError } from '../../errors.ts';
import { simulate } from '../../simulate/index.ts';
import { withWorkspace, type Ctx } from '../context.ts';
import { progress } from '../progress.ts';

interface DemoOptions {
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
    .option('--scale <n>', 'multiply volumes and agents')
    .option('--seed <n>', 'random seed (same seed, same data)')
    .option('--force', 'replace an existing workspace file')
    .action(async (o: DemoOptions) => {
      await buildDemo(ctx, o);
    });
}

export async function buildDemo(ctx: Ctx, o: DemoOptions): Promise<void> {
  const path = ctx.dbPath();
  if (path !== ':memory:' && existsSync(path)) {
    if (!o.force) {
      throw new UserError('WORKSPACE_EXISTS', `The workspace ${path} already exists.`, {
        file: path,
        fix: 'Pass --force to replace it, or --db to choose another file.',
      });
    }
    rmSync(path);
    rmSync(`${path}.wal`, { force: true });
  }
  const scale = o.scale === undefined ? undefined : Number(o.scale);
  const seed = o.seed === undefined ? undefined : Number(o.seed);
  for (const [name, v] of [
    ['scale', scale],
    ['seed', seed],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) {
      throw new UserError(
        'INVALID_PARAMETER',
        `Invalid --${name} "${String(v)}": expected a positive number.`,
        { parameter: name },
      );
    }
  }
  ctx.io.err(
    `Building demo workspace ${path} (scenario ${o.scenario ?? 'default'}${scale ? `, scale ${scale}` : ''}) …\n`,
  );
  const bar = progress(ctx.io, { unit: 'contacts' });
  const summary = await withWorkspace(ctx, (ws) =>
    simulate(ws, {
      scenario: o.scenario ?? 'default',
      ...(scale !== undefined ? { scale } : {}),
      ...(seed !== undefined ? { seed } : {}),
      onProgress: (done: number) => bar.update(done),
    }),
  );
  bar.stop();
  ctx.io.err(`${JSON.stringify(summary)}\n`);
}
