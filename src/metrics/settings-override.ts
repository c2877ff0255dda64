// Changing settings by dotted path (service_level.variant): for `cxkpi config set` (stored) and
// for one query (`--set`, `set=`), merged over the workspace settings and validated by the same
// schema, with errors that name the setting and say how to fix it. Pure.

import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { settingsSchema, type WorkspaceSettings } from './settings.ts';
import { KPI_IDS } from './types.ts';

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

type DeepPartial<T> = {
  readonly [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};

/**
 * Settings for one query, over the workspace's: any part of the settings tree
 * (`{ service_level: { variant: 'answered-only' } }`). Objects merge key by key; values replace.
 */
export type SettingsOverride = DeepPartial<WorkspaceSettings>;

/** A value as typed on a command line or in a URL: JSON when it parses (80, true, {…}), else text. */
export function parseSettingValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * `path=value` pairs (repeatable `--set` / `set=`), paths as `cxkpi config get` names them
 * (`service_level.variant=answered-only`), as one override; a later pair for a path wins.
 */
export function overrideFromPairs(pairs: readonly string[], parameter: string): SettingsOverride {
  const out: Tree = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) {
      throw new UserError(
        'INVALID_PARAMETER',
        `Invalid ${parameter} "${pair}": expected setting=value.`,
        {
          parameter,
          value: pair,
          fix: `Name a setting by its dotted path, as \`cxkpi config get\` lists them: ${parameter} service_level.variant=answered-only.`,
        },
      );
    }
    setAt(out, pair.slice(0, eq).trim(), parseSettingValue(pair.slice(eq + 1).trim()));
  }
  return out as SettingsOverride;
}

/**
 * The settings with `override` merged over them, validated by the settings schema: a query's
 * settings. Throws UNKNOWN_SETTING / INVALID_SETTING like `cxkpi config set`.
 */
export function withOverride(
  base: WorkspaceSettings,
  override: SettingsOverride | undefined,
): WorkspaceSettings {
  if (override === undefined || Object.keys(override).length === 0) return base;
  return validated(merge(base, override), leafPaths(override as Tree));
}

/**
 * `base` (the stored settings, possibly partial) with each dotted path of `changes` set to its
 * value (replacing it), validated: `cxkpi config set`.
 */
export function applySettings(
  base: unknown,
  changes: Readonly<Record<string, unknown>>,
): WorkspaceSettings {
  const doc: Tree = isTree(base) ? structuredClone(base) : {};
  for (const [path, value] of Object.entries(changes)) setAt(doc, path, value);
  return validated(doc, Object.keys(changes));
}

/**
 * Parses with the settings schema. Throws INVALID_SETTING naming the first bad setting, its value
 * and the fix, and UNKNOWN_SETTING for a path the schema does not have (zod drops those silently).
 */
function validated(doc: unknown, paths: readonly string[]): WorkspaceSettings {
  const parsed = settingsSchema.safeParse(doc);
  if (!parsed.success) throw invalidSetting(parsed.error, doc);
  for (const path of paths) {
    if (!has(parsed.data, path.split('.'))) throw unknownSetting(path, keysNear(parsed.data, path));
  }
  return parsed.data;
}

/** Plain objects merge key by key; anything else (numbers, text, lists) replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (!isTree(base) || !isTree(over)) return structuredClone(over);
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (FORBIDDEN.has(k)) throw unknownSetting(k);
    out[k] = merge(base[k], v);
  }
  return out;
}

/** `path=value` per changed setting, as `--set` takes them (JSON for non-text values). */
export function overridePairs(o: SettingsOverride | undefined): string[] {
  if (o === undefined) return [];
  return leafPaths(o as Tree).map((path) => {
    let v: unknown = o;
    for (const p of path.split('.')) v = isTree(v) ? v[p] : undefined;
    return `${path}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
  });
}

function leafPaths(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) =>
    isTree(v) && Object.keys(v).length > 0 ? leafPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Keys no setting has, refused so that `set=__proto__.x=1` cannot reach Object.prototype. */
const FORBIDDEN = new Set(['', '__proto__', 'constructor', 'prototype']);

function setAt(doc: Tree, path: string, value: unknown): Tree {
  const parts = path.split('.');
  if (parts.some((p) => FORBIDDEN.has(p))) throw unknownSetting(path);
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
