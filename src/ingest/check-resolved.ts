// Checks a resolved mapping before any row is read: every required field has a source, and the
// time zone exists. A failure here is one clear error instead of every row quarantined.

import { UserError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { derivations } from './derive.ts';
import type { RawRead } from './raw-read.ts';
import type { ResolvedMapping } from './resolve-mapping.ts';
import { lit } from './sql-util.ts';

export async function checkResolved(
  ws: Workspace,
  rm: ResolvedMapping,
  file: string,
  raw: Pick<RawRead, 'columns' | 'delimiter'>,
): Promise<void> {
  const derived = derivations(rm.entity, 'EUR');
  const missing = rm.fields
    .filter((f) => f.spec.required && f.source === null && !(f.spec.name in derived))
    .map((f) => f.spec.name);
  if (missing.length > 0) {
    const delim = raw.delimiter === '\t' ? 'tab' : raw.delimiter ? `"${raw.delimiter}"` : undefined;
    throw new UserError(
      'REQUIRED_COLUMN_MISSING',
      `${file}: no column found for ${missing.join(', ')} (${rm.entity}). Columns read${delim ? ` with delimiter ${delim}` : ''}: ${raw.columns.map((c) => `"${c}"`).join(', ')}.`,
      {
        file,
        field: missing[0] ?? '',
        allowed: raw.columns,
        fix: `Name the columns in a mapping, e.g. columns: { ${missing[0]}: "<your column>" } (docs/importing.md).`,
      },
    );
  }
  try {
    await ws.runner.all(
      `SELECT timezone(${lit(rm.timezone)}, TIMESTAMP '2020-01-01 00:00:00') AS t`,
    );
  } catch {
    throw new UserError('INVALID_TIMEZONE', `Unknown time zone "${rm.timezone}".`, {
      file,
      value: rm.timezone,
      fix: 'Use an IANA zone name such as Europe/Amsterdam (timestamps.timezone in the mapping).',
    });
  }
}
