// Changing settings by dotted path (service_level.variant): for `cxkpi config set` (stored) and
// for one query (`--set`, `set=`), merged over the workspace settings and validated by the same
// schema, with errors that name the setting and say how to fix it. Pure.

import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { settingsSchema, type WorkspaceSettings } from './settings.ts';
import { KPI_IDS } from './types.ts';

/**
 * Settings to change, by dotted path as `cxkpi config get` lists them
 * (`{ "service_level.variant": "answered-only" }`). Each value replaces the one at its path.
 */
export type SettingsOverride = Readonly<Record<string, unknown>>;

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as typed on a command line or in a URL: JSON when it parses (80, true, {…}), else text. */
export function parseSettingValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** `key=value` pairs (repeatable `--set` / `set=`) as one override; later pairs win. */
export function overrideFromPairs(pairs: readonly string[], parameter: string): SettingsOverride {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) {
      throw new UserError(
        'INVALID_PARAMETER',
        `Invalid ${parameter} "${pair}": expected key=value.`,
        {
          parameter,
          value: pair,
          fix: `Name a setting by its dotted path, as \`cxkpi config get\` lists them, e.g. service_level.variant=answered-only.`,
        },
      );
    }
    out[pair.slice(0, eq).trim()] = parseSettingValue(pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * `base` (stored settings, possibly partial) with each path of `override` set, validated by the
 * settings schema. Throws UNKNOWN_SETTING for a path the schema does not have (zod would drop it
 * silently) and INVALID_SETTING naming the first bad setting, its value and the fix.
 */
export function applySettings(base: unknown, override: SettingsOverride): WorkspaceSettings {
  let doc: unknown = isTree(base) ? structuredClone(base) : {};
  for (const [path, value] of Object.entries(override)) doc = setAt(doc as Tree, path, value);
  const parsed = settingsSchema.safeParse(doc);
  if (!parsed.success) throw invalidSetting(parsed.error, doc);
  for (const path of Object.keys(override)) {
    if (!has(parsed.data, path.split('.'))) throw unknownSetting(path, keysNear(parsed.data, path));
  }
  return parsed.data;
}

function setAt(doc: Tree, path: string, value: unknown): Tree {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) throw unknownSetting(path);
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const child = cur[part];
    if (child !== undefined && !isTree(child)) throw unknownSetting(path);
    cur = cur[part] = child ?? {};
  }
  cur[parts.at(-1) as string] = value;
  return doc;
}

function has(t: unknown, path: readonly string[]): boolean {
  let cur = t;
  for (const p of path) {
    if (!isTree(cur) || !(p in cur)) return false;
    cur = cur[p];
  }
  return true;
}

/** The setting names next to `path` (its siblings), for the fix. */
function keysNear(s: WorkspaceSettings, path: string): string[] {
  let level: unknown = s;
  for (const p of path.split('.').slice(0, -1)) level = isTree(level) ? level[p] : undefined;
  return isTree(level) ? Object.keys(level) : [];
}

function unknownSetting(path: string, known: readonly string[] = []): UserError {
  return new UserError('UNKNOWN_SETTING', `Unknown setting "${path}".`, {
    parameter: path,
    fix: known.length
      ? `Use one of: ${known.join(', ')} (\`cxkpi config get\` lists every setting).`
      : 'Run `cxkpi config get` to list every setting.',
  });
}

/** The first zod issue as a UserError: which setting, which value, why and how to fix it. */
export function invalidSetting(error: z.ZodError, input: unknown): UserError {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).map(String);
  let value: unknown = input;
  for (const p of path) value = isTree(value) ? value[p] : undefined;
  if (issue?.code === 'unrecognized_keys') {
    // Records with fixed keys: targets (KPI ids) and business_hours.week (weekdays 1–7).
    const known = path[0]?.startsWith('targets') ? KPI_IDS : [];
    return unknownSetting([...path, ...issue.keys].join('.'), known);
  }
  const name = path.join('.') || 'settings';
  const params = issue && 'params' in issue ? (issue.params as { fix?: string } | undefined) : {};
  const allowed = issue?.code === 'invalid_value' ? issue.values.map(String) : undefined;
  const fix =
    params?.fix ??
    (allowed
      ? `Use one of: ${allowed.join(', ')}.`
      : `Give ${name} a valid value: cxkpi config set ${name} <value>.`);
  return new UserError(
    'INVALID_SETTING',
    `Invalid setting ${name}: ${allowed ? 'not one of the allowed values' : (issue?.message ?? 'invalid value')}.`,
    {
      parameter: name,
      ...(value === undefined
        ? {}
        : { value: typeof value === 'string' ? value : JSON.stringify(value) }),
      fix,
      ...(allowed ? { allowed } : {}),
    },
  );
}
