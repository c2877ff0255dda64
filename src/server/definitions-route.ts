// GET /api/v1/definitions(.csv): every KPI as typed data with its formula, variant and settings
// resolved against the workspace settings, benchmark, target and goals. Limits: built-ins only.

import { z } from 'zod';
import { targetFor } from '../engine/index.ts';
import { GOALS, KPI_IDS, KPIS, type KpiId, type WorkspaceSettings } from '../metrics/index.ts';
import { toCsv } from './csv.ts';
import { sendCsv, wantsCsv, withCsvPath } from './csv-reply.ts';
import { settingsText } from './kpi-csv.ts';
import { definitionsResponseSchema, responses } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

export function kpiDefinitions(s: WorkspaceSettings) {
  return KPI_IDS.map((id) => {
    const d = KPIS[id];
    const bm = d.benchmark;
    return {
      id,
      name: d.name,
      description: d.description,
      unit: d.unit,
      // The unit people read a duration in; values in every output stay in `unit` (seconds).
      display: d.display ?? null,
      direction: d.direction,
      source: d.source,
      formula: d.formula(s),
      variant: d.variant(s),
      settings: d.settingsUsed(s),
      benchmark: bm
        ? {
            text: bm.text,
            localized: bm.localized,
            source: bm.source,
            bands: bm.bands,
            channel: bm.channel ?? null,
          }
        : null,
      target: targetFor(id, null, s),
      goals: goalsOf(id),
    };
  });
}

function goalsOf(id: KpiId): string[] {
  return Object.entries(GOALS)
    .filter(([, g]) => (g.kpis as readonly KpiId[]).includes(id))
    .map(([name]) => name);
}

const CSV_COLUMNS = [
  'id',
  'name_en',
  'name_nl',
  'name_es',
  'description_en',
  'unit',
  'display',
  'direction',
  'formula',
  'variant',
  'settings',
  'benchmark',
  'benchmark_source',
  'benchmark_channel',
  'target',
  'goals',
];

export function registerDefinitionsRoute(app: ZodApp, { workspace }: ServerContext): void {
  for (const url of withCsvPath(`${API}/definitions`)) {
    app.get(
      url,
      {
        schema: {
          summary: 'KPI definitions resolved with the workspace settings',
          tags: ['definitions'],
          querystring: z.strictObject({}),
          response: responses(definitionsResponseSchema, { csv: true }),
        },
      },
      async (req, reply) => {
        const settings = await workspace.settings();
        const kpis = kpiDefinitions(settings);
        if (wantsCsv(req)) {
          const rows = kpis.map((k) => [
            k.id,
            k.name.en,
            k.name.nl,
            k.name.es,
            k.description.en,
            k.unit,
            k.display,
            k.direction,
            k.formula,
            k.variant,
            settingsText(k.settings),
            k.benchmark?.text ?? null,
            k.benchmark?.source ?? null,
            k.benchmark?.channel ?? null,
            k.target,
            k.goals.join('; '),
          ]);
          return sendCsv(reply, 'definitions', toCsv(CSV_COLUMNS, rows));
        }
        return { kpis, settings, goals: GOALS };
      },
    );
  }
}
