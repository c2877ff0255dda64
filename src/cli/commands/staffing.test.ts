// `cxkpi staffing` in process: the quick question (Erlang C and A, table and JSON), flag errors
// that name the flag, and the plan from a workspace's history with its footer.

import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentsForTarget, agentsForTargetErlangA } from '../../staffing/index.ts';
import { openWorkspace } from '../../workspace/workspace.ts';
import { bufferIo } from '../io.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cxkpi-staffing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noWorkspace = join(dir, 'none.duckdb');

async function run(args: string[], isTTY = true) {
  const io = bufferIo({ isTTY });
  const code = await main(['node', 'cxkpi', '--db', noWorkspace, 'staffing', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const reference = ['--volume', '100', '--interval', '30m', '--aht', '180', '--target', '80/20'];

describe('cxkpi staffing: the quick question', () => {
  it('answers 14 agents and SL 0.8884 for 100 calls / 30 min at AHT 180 s (80/20)', async () => {
    const { code, out, err } = await run(reference);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/agents required\s+14 on contacts/);
    expect(out).toContain('20 scheduled (shrinkage 30.0%)');
    expect(out).toContain('0.8884 (88.8%)');
    expect(out).toMatch(/ASA\s+7\.84 s/);
    expect(out).toMatch(/P\(wait\)\s+0\.1741/);
    expect(out).toMatch(/occupancy\s+0\.7143/);
    expect(out).toMatch(/\*\s+14\s+20\s+88\.8%\s+7\.8 s\s+€320\.00/);
    expect(existsSync(noWorkspace)).toBe(false);
  });

  it('prints JSON in a pipe, percentages in percent', async () => {
    const { code, out } = await run([...reference, '--hourly-rate', '30'], false);
    expect(code).toBe(0);
    const j = JSON.parse(out) as Record<string, unknown> & { curve: Record<string, number>[] };
    expect(j).toMatchObject({
      model: 'Erlang C',
      required_agents: 14,
      scheduled_agents: 20,
      hourly_rate: 30,
    });
    expect(j['service_level']).toBeCloseTo(88.835, 3);
    expect(j.curve.find((r) => r['agents'] === 14)?.['cost_per_interval']).toBeCloseTo(
      (14 / 0.7) * 0.5 * 30,
      10,
    );
  });

  it('at 500 erlangs shows the curve where SL moves, costed in whole scheduled agents', async () => {
    const { code, out } = await run(
      ['--volume', '5000', '--interval', '30m', '--aht', '180', '--target', '80/20'],
      false,
    );
    expect(code).toBe(0);
    const j = JSON.parse(out) as Record<string, unknown> & { curve: Record<string, number>[] };
    // The occupancy cap (90 %) sets 556; the SL target alone needs far fewer.
    expect(j).toMatchObject({ required_agents: 556, binding_constraint: 'occupancy' });
    const slOnly = agentsForTarget({
      volume: 5000,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSl: 0.8,
      thresholdSeconds: 20,
    }).rawAgents;
    expect(j.curve[0]?.['agents']).toBe(slOnly - 2);
    expect(j.curve[0]?.['service_level']).toBeLessThan(80);
    expect(j.curve.at(-1)).toMatchObject({ agents: 556, marginal_cost_per_point: null });
    for (const r of j.curve) {
      expect(r['scheduled_agents']).toBe(Math.ceil(r['agents']! / 0.7 - 1e-9));
      expect(r['cost_per_interval']).toBeCloseTo(r['scheduled_agents']! * 0.5 * 32, 9);
    }
    // Between shown neighbours: extra heads × €16 per half hour / SL points gained.
    const [a, b] = [j.curve[1]!, j.curve[2]!];
    const gain = b['service_level']! - a['service_level']!;
    expect(b['marginal_cost_per_point']).toBeCloseTo(
      ((b['scheduled_agents']! - a['scheduled_agents']!) * 16) / gain,
      9,
    );
  });

  it('switches to Erlang A with --patience and shows P(abandon)', async () => {
    const { code, out } = await run([...reference, '--patience', '60']);
    expect(code).toBe(0);
    const need = agentsForTargetErlangA({
      volume: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSl: 0.8,
      thresholdSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.9,
      patienceSeconds: 60,
    });
    expect(out).toContain('Erlang A: 100 contacts in 30 min');
    expect(out).toMatch(new RegExp(`agents required\\s+${need.rawAgents} on contacts`));
    expect(out).toMatch(new RegExp(`P\\(abandon\\)\\s+${need.abandonProbability.toFixed(4)}`));
  });

  it('takes durations and percentages in several spellings', async () => {
    const { out } = await run([
      '--volume',
      '100',
      '--interval',
      '0.5h',
      '--aht',
      '3m',
      '--shrinkage',
      '30%',
      '--max-occupancy',
      '85%',
    ]);
    expect(out).toMatch(/agents required\s+14 on contacts/);
    expect(out).toContain('cap 85.0%');
  });
});

describe('cxkpi staffing: bad flags are user errors naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [
      ['--volume', '100', '--aht', '180', '--target', '8020'],
      /--target "8020": must look like 80\/20/,
    ],
    [['--volume', '100', '--aht', '180', '--target', '100/20'], /--target/],
    [['--volume', '-1', '--aht', '180'], /--volume "-1"/],
    [['--volume', '100', '--aht', 'fast'], /--aht "fast"/],
    [['--volume', '100', '--aht', '180', '--interval', '30x'], /--interval "30x"/],
    [['--volume', '100', '--aht', '180', '--shrinkage', '1'], /--shrinkage "1"/],
    [['--volume', '100', '--aht', '180', '--max-occupancy', '0'], /--max-occupancy "0"/],
    [['--volume', '100', '--aht', '180', '--hourly-rate', 'x'], /--hourly-rate "x"/],
    [['--volume', '100', '--aht', '180', '--model', 'erlang-b'], /--model "erlang-b"/],
    [
      ['--volume', '100', '--aht', '180', '--model', 'erlang-a'],
      /--model "erlang-a": needs --patience/,
    ],
    [['--volume', '100'], /Give --volume and --aht/],
    [
      ['--volume', '100', '--aht', '180', '--from', '2026-01-01'],
      /--from "2026-01-01": belongs to --plan/,
    ],
    [['--plan', '--aht', '180'], /--aht "180": is for the quick question/],
    [['--plan', '--interval', '60m'], /--interval "60m": must be 15m or 30m with --plan/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toMatch(/^error \[INVALID_PARAMETER\]/);
      expect(err).toMatch(message);
    });
  }
});

describe('cxkpi staffing --plan', () => {
  const db = join(dir, 'plan.duckdb');

  async function seed() {
    const ws = await openWorkspace({ path: db });
    // Monday 2026-06-01, Amsterdam UTC+2: 100 calls at 09:00 and 50 at 09:30 local, AHT 180 s.
    for (const [start, n, step] of [
      ['07:00', 100, 18],
      ['07:30', 50, 36],
    ] as const) {
      await ws.runner.exec(`
        INSERT INTO contacts (contact_id, channel, queue, offered_at, outcome, wait_s, talk_s, hold_s, acw_s)
        SELECT '${start}-' || i, 'voice', 'sales', TIMESTAMPTZ '2026-06-01 ${start}:00+00' + i * INTERVAL ${step} SECOND,
               'answered', i % 40, 150, 0, 30
        FROM range(${n}) t(i)`);
    }
    await ws.runner
      .exec(`INSERT INTO staffing (interval_start, interval_minutes, channel, queue, agents_staffed, hourly_rate) VALUES
      (TIMESTAMPTZ '2026-06-01 07:00:00+00', 30, 'voice', 'sales', 20, NULL)`);
    await ws.close();
  }

  async function plan(args: string[], isTTY = true) {
    if (!existsSync(db)) await seed();
    const io = bufferIo({ isTTY });
    const code = await main(['node', 'cxkpi', '--db', db, 'staffing', '--plan', ...args], io);
    return { code, out: io.stdout(), err: io.stderr() };
  }

  it('prints each interval with its footer of assumptions', async () => {
    const { code, out, err } = await plan([
      '--from',
      '2026-06-01',
      '--to',
      '2026-06-01',
      '--filter',
      'queue=sales',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    // 14 on contacts, 20 scheduled, 20 staffed, on duty not given (—), Erlang SL 88.8 %.
    expect(out).toMatch(/2026-06-01 09:00\s+100\s+180 s\s+\S+\s+14\s+20\s+20\s+—\s+88\.8%/);
    expect(out).toMatch(/2026-06-01 09:30\s+50\s+180 s/);
    expect(out).toContain(
      'model Erlang C; target 80/20; shrinkage 30.0%; occupancy cap 90.0%; rate €32.00/h',
    );
    expect(out).toContain(
      'period 2026-06-01 – 2026-06-01 (time zone Europe/Amsterdam); 30-minute intervals; filters queue=sales',
    );
    expect(out).toContain('obs SL: offered-minus-short-abandons at T = 20 s');
    expect(out).toContain(
      'queues planned apart (their agents do not help each other): sales Erlang C',
    );
    expect(out).toContain(
      'totals: required 16.0 agent-hours (€512.00) over 2 intervals; where the staffing table has a plan (1): required 10.0 agent-hours (€320.00), staffed 10.0 agent-hours (€320.00)',
    );
  });

  it('gives CSV and JSON rows with SL in percent', async () => {
    const csv = await plan(['--format', 'csv', '--interval', '15m']);
    const lines = csv.out.trim().split('\r\n');
    expect(lines[0]).toMatch(/^interval_start,queue,utc_offset_minutes,weekday,slot,/);
    expect(lines).toHaveLength(1 + 4);
    const json = await plan(['--format', 'json', '--target', '90/30'], false);
    const j = JSON.parse(json.out) as { target: string; rows: Record<string, number | string>[] };
    expect(j.target).toBe('90/30');
    expect(j.rows[0]).toMatchObject({
      interval_start: '2026-06-01 09:00',
      volume: 100,
      predicted_sl: expect.any(Number),
    });
    expect(Number(j.rows[0]?.['predicted_sl'])).toBeGreaterThan(1);
  });

  it('gives a typical week with --profile, and Erlang A with --model erlang-a', async () => {
    const profile = await plan(['--profile', '--from', '2026-06-01', '--to', '2026-06-14']);
    expect(profile.out).toMatch(/Mon\s+09:00\s+50\.0/);
    expect(profile.out).toContain('totals per typical week');
    const ea = await plan(['--model', 'erlang-a']);
    expect(ea.code).toBe(0);
    expect(ea.out).toContain('model Erlang C');
    expect(ea.out).toContain(
      'no abandons in the history: patience cannot be estimated, Erlang C used',
    );
  });
});
