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
  const where = [...sc.where, `kind = 'nps'`, `comment IS NOT NULL`, `trim(comment) <> ''`];
  const groups = Object.keys(NPS_GROUPS) as NpsGroup[];
  const groupOf = `CASE ${groups.map((g) => `WHEN ${NPS_GROUPS[g]} THEN ${d.literal(g)}`).join(' ')} END`;
  // One scan: each group's count and its latest comments by window functions.
  const rows = await runner.all(`
    SELECT * FROM (
      SELECT grp, count(*) OVER (PARTITION BY grp) AS total,
        row_number() OVER (PARTITION BY grp ORDER BY responded_at DESC, response_id) AS rn,
        response_id, score, comment, responded_at, channel, queue, team, agent_id, category
      FROM (SELECT *, ${groupOf} AS grp FROM ${sc.from} WHERE ${where.join(' AND ')}) x
      WHERE grp IS NOT NULL) y
    WHERE rn <= ${Math.max(1, Math.floor(limit))}
    ORDER BY grp, rn`);
  const entry = (g: NpsGroup) => {
    const mine = rows.filter((r) => r['grp'] === g);
    const comments = mine.map(({ grp: _g, total: _t, rn: _r, ...rest }) => rest);
    return { total: Number(mine[0]?.['total'] ?? 0), comments };
  };
  return {
    groups: {
      promoters: entry('promoters'),
      passives: entry('passives'),
      detractors: entry('detractors'),
    },
  };
}
