// Loads a mapping from a YAML/JSON file or an object, validates it with zod and against the
// canonical model, and reports every problem at once, naming the file and the key.

import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { ENTITY_FIELDS, type FieldSpec } from '../model/fields.ts';
import {
  entityMappingSchema,
  mappingSchema,
  type EntityMapping,
  type LoadedMapping,
  type Mapping,
} from './mapping-schema.ts';

export async function loadMapping(src: string | Mapping | LoadedMapping): Promise<LoadedMapping> {
  if (typeof src !== 'string') return isLoaded(src) ? src : checkMapping(src, 'inline mapping');
  let text: string;
  try {
    text = await readFile(src, 'utf8');
  } catch (e) {
    throw new UserError('MAPPING_NOT_FOUND', `Cannot read the mapping file ${src}.`, {
      file: src,
      fix: `Check the path. (${e instanceof Error ? e.message : String(e)})`,
    });
  }
  let data: unknown;
  try {
    data = src.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new UserError('INVALID_MAPPING', `The mapping file ${src} is not valid YAML/JSON.`, {
      file: src,
      fix: e instanceof Error ? e.message : String(e),
    });
  }
  return checkMapping(data, src);
}

function isLoaded(m: Mapping | LoadedMapping): m is LoadedMapping {
  return (m as LoadedMapping).loaded === true;
}

export function checkMapping(data: unknown, source: string): LoadedMapping {
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) fail(source, parsed.error.issues.map(describeIssue));
  const m = parsed.data;
  const { entities: list, read, name } = m;
  const single = Object.fromEntries(
    Object.keys(entityMappingSchema.shape).map((k) => [k, m[k as keyof typeof m]]),
  ) as EntityMapping;
  const entities: EntityMapping[] = list ? list.map((e) => withDefaults(e, m)) : [single];
  const problems = entities.flatMap((e, i) => checkFields(e, list ? `entities[${i}].` : ''));
  if (problems.length > 0) fail(source, problems);
  return { loaded: true, source, ...(name ? { name } : {}), read: read ?? {}, entities };
}

function withDefaults(e: EntityMapping, top: z.output<typeof mappingSchema>): EntityMapping {
  const timestamps = top.timestamps || e.timestamps ? { ...top.timestamps, ...e.timestamps } : {};
  const numbers = e.numbers ?? top.numbers;
  return { ...e, timestamps, ...(numbers ? { numbers } : {}) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') return `${path}: unknown key ${issue.keys.join(', ')}`;
  return `${path}: ${issue.message}`;
}

function fail(source: string, problems: readonly string[]): never {
  const list = problems.map((p) => `  - ${p}`).join('\n');
  throw new UserError(
    'INVALID_MAPPING',
    `The mapping ${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${list}`,
    {
      file: source,
      fix: 'See docs/importing.md for every mapping key.',
      ...(problems[0] ? { field: problems[0].split(':')[0] } : {}),
    },
  );
}

/** Keys must be fields of the entity; each field gets one source; units and combine fit the type. */
function checkFields(e: EntityMapping, prefix: string): string[] {
  const fields = new Map<string, FieldSpec>(ENTITY_FIELDS[e.entity].map((f) => [f.name, f]));
  const known = [...fields.keys()].join(', ');
  const out: string[] = [];
  const unknown = (key: string, field: string) => {
    if (!fields.has(field))
      out.push(`${prefix}${key}.${field}: not a field of ${e.entity} (fields: ${known})`);
  };
  const sources = new Map<string, string>();
  for (const key of ['columns', 'constants', 'combine'] as const) {
    for (const field of Object.keys(e[key] ?? {})) {
      unknown(key, field);
      const other = sources.get(field);
      if (other) out.push(`${prefix}${key}.${field}: already given in ${other}`);
      sources.set(field, key);
    }
  }
  for (const field of Object.keys(e.values ?? {})) unknown('values', field);
  for (const field of e.skip_if_blank ?? []) unknown('skip_if_blank', field);
  for (const field of Object.keys(e.timestamps?.formats ?? {}))
    unknown('timestamps.formats', field);
  for (const [field] of Object.entries(e.units ?? {})) {
    unknown('units', field);
    const f = fields.get(field);
    if (f && f.type !== 'seconds') out.push(`${prefix}units.${field}: ${field} is not a duration`);
  }
  for (const field of Object.keys(e.combine ?? {})) {
    const f = fields.get(field);
    if (f && f.type !== 'timestamp')
      out.push(`${prefix}combine.${field}: ${field} is not a timestamp`);
  }
  return out;
}
