// GET /api/v1/dimensions(.csv): the distinct values of each dimension in contacts, cases and
// surveys, and the data's first and last local day. Limits: raw stored columns, no lineage fill.

import { z } from 'zod';
import type { Runner } from '../engine/index.ts';
import type { WorkspaceSettings } from '../metrics/index.ts';
import { toCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { dimensionsResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

/** API name → stored column, in every table that has dimensions. */
const COLUMNS = {
  channel: 'channel',
  queue: 'queue',
  team: 'team',
  agent: 'agent_id',
  category: 'category',
} as const;
type DimName = keyof typeof COLUMNS;

const TIME_OF = [
  ['contacts', 'offered_at'],
  ['cases', 'created_at'],
  ['surveys', 'responded_at'],
] as const;

export async function listDimensions(runner: Runner, s: WorkspaceSettings) {
  const d = runner.dialect;
  const entries = await Promise.all(
    (Object.keys(COLUMNS) as DimName[]).map(async (name) => {
      const c = d.quoteIdent(COLUMNS[name]);
      const union = TIME_OF.map(([t]) => `SELECT ${c} AS v FROM ${t}`).join(' UNION ');
      const rows = await runner.all(
        `SELECT DISTINCT CAST(v AS VARCHAR) AS v FROM (${union}) x WHERE v IS NOT NULL AND v <> '' ORDER BY v`,
      );
      return [name, rows.map((r) => String(r['v']))] as const;
    }),
  );
  const local = (c: string) => `CAST(${d.localTime(d.quoteIdent(c), s.timezone)} AS DATE)`;
  const parts = TIME_OF.map(
    ([t, c]) => `SELECT min(${local(c)}) AS lo, max(${local(c)}) AS hi FROM ${t}`,
  );
  const [p] = await runner.all(
    `SELECT CAST(min(lo) AS VARCHAR) AS lo, CAST(max(hi) AS VARCHAR) AS hi FROM (${parts.join(' UNION ALL ')}) x`,
  );
  const values = Object.fromEntries(entries) as Record<DimName, string[]>;
  return {
    ...values,
    period: {
      from: (p?.['lo'] as string | null) ?? null,
      to: (p?.['hi'] as string | null) ?? null,
      timezone: s.timezone,
    },
  };
}

export function registerDimensionsRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/dimensions`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'Distinct dimension values and the period the data covers',
          tags: ['definitions'],
          querystring: z.strictObject({}),
          response: responses(dimensionsResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const dims = await listDimensions(workspace.runner, await workspace.settings());
        if (wantsCsv(req)) {
          const rows = (Object.keys(COLUMNS) as DimName[]).flatMap((name) =>
            dims[name].map((v) => [name, v]),
          );
          return sendCsv(reply, 'dimensions', toCsv(['dimension', 'value'], rows));
        }
        return dims;
      },
    );
  }
}
