// `cxkpi config get|set` addresses settings by dotted path (service_level.threshold_s); values
// are parsed as JSON when they parse, else kept as text, then validated by the settings schema.

import { settingsSchema, type WorkspaceSettings } from '../metrics/settings.ts';
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

export function setSetting(s: WorkspaceSettings, path: string, raw: string): WorkspaceSettings {
  const parts = path.split('.');
  const top = parts[0] ?? '';
  if (!(top in settingsSchema.shape)) getSetting(s, path);
  const next = structuredClone(s) as Record<string, unknown>;
  let cur = next;
  for (const part of parts.slice(0, -1)) {
    const child = cur[part];
    if (child === null || typeof child !== 'object') getSetting(s, path);
    cur = child as Record<string, unknown>;
  }
  cur[parts[parts.length - 1] ?? ''] = parseValue(raw);
  const parsed = settingsSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      'INVALID_SETTING',
      `Invalid value "${raw}" for ${path}: ${issue?.message ?? 'invalid'}.`,
      {
        parameter: path,
        value: raw,
      },
    );
  }
  return parsed.data;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
