// Command-line options of `npm run bench` (node --import tsx bench/run.ts [options]).
// Limits: node:util parseArgs; unknown options are an error, with the list of known ones.

import { parseArgs } from 'node:util';
import type { Size } from './workspaces.ts';

export const STEPS = ['engine', 'breakdown', 'import', 'dashboard'] as const;
export type Step = (typeof STEPS)[number];

export interface BenchOptions {
  /** Benchmark workspaces for engine, breakdown and import (the demo one is for the dashboard). */
  readonly sizes: readonly Exclude<Size, 'demo'>[];
  readonly steps: readonly Step[];
  readonly runs: number;
  readonly importRuns: Readonly<Record<string, number>>;
  /** Cold overview loads in Chromium per dashboard workspace. */
  readonly loads: number;
  readonly memoryLimit: string;
  readonly explain: boolean;
  readonly rebuild: boolean;
  readonly buildWeb: boolean;
  readonly out: string;
}

export const USAGE = `npm run bench -- [--sizes 1m,10m] [--steps ${STEPS.join(',')}] [--runs 5]
  [--import-runs N] [--loads 30] [--memory-limit 6GB] [--explain]
  [--rebuild] [--build-web] [--out bench/results.json]`;

function list<T extends string>(raw: string, allowed: readonly T[], what: string): T[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length)
    throw new Error(`Unknown ${what} ${bad.join(', ')}; allowed: ${allowed.join(', ')}\n${USAGE}`);
  return items as T[];
}

function int(raw: string, name: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}\n${USAGE}`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1m,10m' },
      steps: { type: 'string', default: STEPS.join(',') },
      runs: { type: 'string', default: '5' },
      'import-runs': { type: 'string' },
      loads: { type: 'string', default: '30' },
      'memory-limit': { type: 'string', default: '6GB' },
      explain: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      'build-web': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.json' },
    },
    strict: true,
  });
  const importRuns = values['import-runs'];
  return {
    sizes: list(values.sizes, ['1m', '10m'] as const, 'size'),
    steps: list(values.steps, STEPS, 'step'),
    runs: int(values.runs, 'runs', 1),
    // 10M imports take minutes each: one run unless asked for more.
    importRuns: importRuns
      ? { '1m': int(importRuns, 'import-runs', 1), '10m': int(importRuns, 'import-runs', 1) }
      : { '1m': 3, '10m': 1 },
    loads: int(values.loads, 'loads', 1),
    memoryLimit: values['memory-limit'],
    explain: values.explain,
    rebuild: values.rebuild,
    buildWeb: values['build-web'],
    out: values.out,
  };
}
