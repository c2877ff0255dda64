// Development-only API stand-in for the dashboard (not shipped, not used by tests): the API
// contract on the real engine over synthetic data. Limits: no validation, crude staffing.

import { createServer } from 'node:http';
import { drillDown, npsVerbatims, runKpiQuery, type KpiQueryInput } from '../../src/engine/index.ts';
import { GOALS, KPIS } from '../../src/metrics/registry.ts';
import type { KpiId, KpiSource } from '../../src/metrics/types.ts';
import { agentsForTarget } from '../../src/staffing/index.ts';
import { openWorkspace } from '../../src/workspace/workspace.ts';
import { fillDevData } from './dev-data.ts';

const ws = await openWorkspace({ path: ':memory:' });
await fillDevData(ws.runner);
const settings = { ...(await ws.settings()), targets: { service_level: 80, asa: 30 } };

function query(u: URL): KpiQueryInput {
  const filters: Record<string, string[]> = {};
  for (const f of u.searchParams.getAll('filter')) {
    const [k, v] = f.split('=') as [string, string];
    (filters[k] ??= []).push(v);
  }
  const list = (k: string) => u.searchParams.get(k)?.split(',').filter(Boolean);
  return {
    kpis: list('kpi') as KpiId[] | undefined,
    by: (list('by') ?? []) as KpiQueryInput['by'],
    grain: (u.searchParams.get('grain') ?? undefined) as KpiQueryInput['grain'],
    from: u.searchParams.get('from') ?? undefined,
    to: u.searchParams.get('to') ?? undefined,
    filters,
    slotMinutes: Number(u.searchParams.get('slot') ?? 30) as 15 | 30 | 60,
  };
}

const shift = (d: string, days: number) =>
  new Date(Date.parse(d + 'T00:00:00Z') + days * 86400e3).toISOString().slice(0, 10);

async function route(u: URL): Promise<unknown> {
  const p = u.pathname.replace(/\.csv$/, '');
  if (p === '/api/v1/definitions') {
    return {
      kpis: Object.values(KPIS).map((k) => ({
        id: k.id, name: k.name, description: k.description, unit: k.unit, direction: k.direction,
        formula: k.formula(settings), variant: k.variant(settings), settings: k.settingsUsed(settings),
        benchmark: k.benchmark ? { ...k.benchmark, channel: k.benchmark.channel ?? null } : null,
        target: settings.targets[k.id] ?? null, goals: Object.entries(GOALS).filter(([, g]) => (g.kpis as readonly string[]).includes(k.id)).map(([n]) => n),
      })),
      settings,
      goals: GOALS,
    };
  }
  if (p === '/api/v1/dimensions') {
    const vals = async (c: string) =>
      (await ws.runner.all(`SELECT DISTINCT ${c} AS v FROM contacts WHERE ${c} IS NOT NULL ORDER BY 1`)).map((r) => String(r['v']));
    const rep = await runKpiQuery(ws.runner, { kpis: ['aht'] }, settings);
    return { channel: await vals('channel'), queue: await vals('queue'), team: await vals('team'), agent: await vals('agent_id'), category: await vals('category'), period: rep.period };
  }
  if (p === '/api/v1/kpis') {
    const q = query(u);
    const rep = await runKpiQuery(ws.runner, q, settings);
    const out: Record<string, unknown> = { ...rep };
    if (u.searchParams.get('compare') === 'previous-period' && q.from && q.to) {
      const len = (Date.parse(q.to) - Date.parse(q.from)) / 86400e3 + 1;
      const prev = await runKpiQuery(ws.runner, { ...q, from: shift(q.from, -len), to: shift(q.from, -1) }, settings);
      out['previous'] = { period: prev.period, rows: prev.rows };
    }
    return out;
  }
  if (p === '/api/v1/surveys/comments') {
    const v = await npsVerbatims(ws.runner, query(u), settings, { limit: Number(u.searchParams.get('limit') ?? 20) });
    return v.groups;
  }
  if (p === '/api/v1/staffing') {
    const q = query(u);
    const rows = await ws.runner.all(`SELECT strftime(time_bucket(INTERVAL 30 MINUTE, offered_at), '%Y-%m-%d %H:%M') AS interval_start,
      count(*) AS volume, avg(talk_s + hold_s + acw_s) AS aht_s FROM contacts
      WHERE CAST(offered_at AS DATE) BETWEEN '${q.from ?? '2000-01-01'}' AND '${q.to ?? '2100-01-01'}' GROUP BY 1 ORDER BY 1 LIMIT 48`);
    return { rows: rows.map((r) => {
      const volume = Number(r['volume']);
      const aht = Number(r['aht_s'] ?? 300);
      const a = agentsForTarget({ volume, ahtSeconds: aht, intervalSeconds: 1800, targetSl: 0.8, thresholdSeconds: 20 });
      return { interval_start: r['interval_start'], volume, aht_s: aht, agents_required: a.scheduledAgents, agents_staffed: Math.max(1, a.scheduledAgents - 1 + (volume % 3)), predicted_sl: a.serviceLevel * 100, cost_per_extra_sl_point: 12.5 };
    }) };
  }
  const src = /^\/api\/v1\/(contacts|cases|surveys)$/.exec(p)?.[1] as KpiSource | undefined;
  if (src) {
    const group: Record<string, string> = {};
    for (const g of u.searchParams.getAll('group')) {
      const [k, v] = g.split('=') as [string, string];
      group[k] = v;
    }
    const kpi = (u.searchParams.get('kpi') ?? undefined) as KpiId | undefined;
    const r = await drillDown(ws.runner, { query: query(u), kpi, source: src, group, page: Number(u.searchParams.get('page') ?? 1), pageSize: Number(u.searchParams.get('page_size') ?? 100) }, settings);
    return { source: r.source, total: r.total, page: r.page, page_size: r.pageSize, rows: r.rows };
  }
  return null;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.toISOString() : x));

createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  route(u).then(
    (body) => {
      if (body === null) { res.writeHead(404).end('{}'); return; }
      if (u.pathname.endsWith('.csv')) {
        const rows = (body as { rows: Record<string, unknown>[] }).rows ?? [];
        const cols = Object.keys(rows[0] ?? {});
        res.writeHead(200, { 'content-type': 'text/csv' }).end([cols.join(','), ...rows.map((r) => cols.map((c) => JSON.stringify(typeof r[c] === 'object' ? json(r[c]) : r[c] ?? '')).join(','))].join('\n'));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(json(body));
    },
    (e: unknown) => { res.writeHead(400, { 'content-type': 'application/json' }).end(json({ error: String(e) })); },
  );
}).listen(8080, '127.0.0.1', () => console.log('dev API on http://127.0.0.1:8080'));
