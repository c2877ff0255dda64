// `cxkpi config get [key]` and `cxkpi config set key value`: the workspace settings (time zone,
// thresholds, variants, targets, currency, scales), validated on write.

import type { Command } from 'commander';
import { getSetting, setSetting } from '../../workspace/settings-path.ts';
import { withWorkspace, type Ctx } from '../context.ts';
import { renderJson } from '../output.ts';
import { readSettings } from '../via-server.ts';

export function registerConfig(program: Command, ctx: Ctx): void {
  const config = program.command('config').description('Read or change workspace settings');
  config
    .command('get [key]')
    .description('Print all settings, or one by dotted path (e.g. service_level.threshold_s)')
    .action(async (key?: string) => {
      const s = await readSettings(ctx);
      const v = key ? getSetting(s, key) : s;
      ctx.io.out(typeof v === 'object' ? renderJson(v) : `${String(v)}\n`);
    });
  config
    .command('set <key> <value>')
    .description('Change a setting; values are JSON (80, "Europe/Madrid", {"voice": 80}) or text')
    .action(async (key: string, value: string) => {
      await withWorkspace(ctx, async (ws) => {
        // From the stored document, so a value that no longer validates can be set right.
        const next = setSetting(await ws.storedSettings(), key, value);
        await ws.saveSettings(next);
        const v = getSetting(next, key);
        ctx.io.out(`${key} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
      });
    });
}
