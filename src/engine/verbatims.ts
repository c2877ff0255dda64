// Verbatim survey comments of a period, split into promoters / passives / detractors (NPS) —
// NPS is never shown alone. Same scope rules as KPIs.

import type { WorkspaceSettings } from '../metrics/settings.ts';
import { kpiQuery, type KpiQueryInput } from './query.ts';
import { ensureDerived } from './derived.ts';
import type { Row, Runner } from './runner.ts';
import { instantPeriod, scope } from './scope.ts';
import { sourceRelation } from './sources.ts';

export const NPS_GROUPS = {
  promoters: 'score >= 9',
  passives: 'score BETWEEN 7 AND 8',
  detractors: 'score <= 6',
} as const;
export type NpsGroup = keyof typeof NPS_GROUPS;

export interface Verbatims {
  readonly groups: Readonly<
    Record<NpsGroup, { readonly total: number; readonly comments: readonly Row[] }>
  >;
}

export async function npsVerbatims(
  runner: Runner,
  input: KpiQueryInput,
  s: WorkspaceSettings,
  { limit = 50 }: { limit?: number } = {},
): Promise<Verbatims> {
  await ensureDerived(runner);
  const d = runner.dialect;
  const q = kpiQuery(input);
  const ts = d.quoteIdent('responded_at');
  const sc = scope(
    sourceRelation('surveys', d, s),
    d.localTime(ts, s.timezone),
    instantPeriod(ts, q, s, d),
    q,
    d,
  );
  const base = [...sc.where, `kind = 'nps'`, `comment IS NOT NULL`, `trim(comment) <> ''`];
  const entries = await Promise.all(
    (Object.keys(NPS_GROUPS) as NpsGroup[]).map(async (g) => {
      const where = `WHERE ${[...base, NPS_GROUPS[g]].join(' AND ')}`;
      const [comments, count] = await Promise.all([
        runner.all(
          `SELECT response_id, score, comment, responded_at, channel, queue, team, agent_id, category FROM ${sc.from} ${where} ORDER BY responded_at DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
        ),
        runner.all(`SELECT count(*) AS n FROM ${sc.from} ${where}`),
      ]);
      return [g, { total: Number(count[0]?.['n'] ?? 0), comments }] as const;
    }),
  );
  const [promoters, passives, detractors] = entries.map(([, v]) => v);
  if (!promoters || !passives || !detractors) throw new Error('three NPS groups expected');
  return { groups: { promoters, passives, detractors } };
}
