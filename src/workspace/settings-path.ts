// `cxkpi config get|set` addresses settings by dotted path (service_level.threshold_s); values
// are parsed as JSON when they parse, else kept as text, then validated by the settings schema.

import type { WorkspaceSettings } from '../metrics/settings.ts';
import { applySettings, parseSettingValue } from '../metrics/settings-override.ts';
import { UserError } from '../errors.ts';

export function getSetting(s: WorkspaceSettings, path: string): unknown {
  let cur: unknown = s;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in cur)) {
      throw new UserError('UNKNOWN_SETTING', `Unknown setting "${path}".`, {
        parameter: path,
        fix: 'Run `cxkpi config get` to list every setting.',
      });
    }
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * The settings with one path changed, validated: `stored` is the stored document (it may lack
 * defaults, or hold a value that no longer validates — setting it right is how a user repairs it).
 */
export function setSetting(stored: unknown, path: string, raw: string): WorkspaceSettings {
  return applySettings(stored, { [path]: parseSettingValue(raw) });
}
