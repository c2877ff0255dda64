// Finds, reads and validates a scenario: a bundled name (examples/scenarios/<name>.json) or a path.
// Limits: JSON only; every problem is reported at once with the file and the key it is about.

import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { UserError } from '../errors.ts';
import { scenarioSchema } from './scenario-schema.ts';
import type { Scenario } from './scenario-schema.ts';

/** The folder of the bundled scenarios (default, tiny, stationary). */
export const SCENARIO_DIR = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));

/** Bundled scenario names. */
export async function scenarioNames(): Promise<string[]> {
  const files = await readdir(SCENARIO_DIR).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
}

/** Loads a scenario by bundled name ("default") or file path ("./my-centre.json"). */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const isPath =
    nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json');
  const file = isPath ? resolve(nameOrPath) : resolve(SCENARIO_DIR, `${nameOrPath}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('SCENARIO_NOT_FOUND', `Scenario "${nameOrPath}" was not found.`, {
      file,
      allowed: await scenarioNames(),
      fix: 'Give a bundled scenario name or the path of a scenario JSON file.',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError('SCENARIO_INVALID_JSON', `Scenario file is not valid JSON: ${String(e)}`, {
      file,
      fix: 'Fix the JSON syntax (no comments, no trailing commas).',
    });
  }
  return parseScenario(json, file);
}

/** Validates scenario data (from a file or built in code); `file` names it in errors. */
export function parseScenario(data: unknown, file = '<scenario>'): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return result.data;
  throw scenarioError(result.error, file);
}

function scenarioError(error: z.ZodError, file: string): UserError {
  const issues = error.issues.map((i) => `${keyOf(i.path)}: ${i.message}`);
  const first = error.issues[0];
  return new UserError(
    'SCENARIO_INVALID',
    `Scenario ${file} is invalid:\n  ${issues.join('\n  ')}`,
    {
      file,
      field: first ? keyOf(first.path) : undefined,
      fix: 'Correct the keys listed; docs/simulator.md describes every parameter.',
    },
  );
}

function keyOf(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(root)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replaceAll('.[', '[');
}
