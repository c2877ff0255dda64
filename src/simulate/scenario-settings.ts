// The workspace settings a scenario implies, so reports and the staffing plan read the simulated
// centre as it was run: time zone, currency, SL targets and thresholds per channel, business
// hours, and the staffing assumptions (shrinkage, hourly rate, occupancy cap, interval).
// Limits: one business-hours calendar and one shrinkage for the workspace (see docs/simulator.md).

import type { WorkspaceSettings } from '../metrics/settings.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { CoreRun } from './core.ts';

const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export async function applySettings(ws: Workspace, run: CoreRun): Promise<void> {
  await ws.saveSettings(scenarioSettings(await ws.settings(), run));
}

/** The settings `s` with what the scenario of `run` says; other settings are kept. */
export function scenarioSettings(s: WorkspaceSettings, run: CoreRun): WorkspaceSettings {
  const { model } = run;
  const scenario = model.scenario;
  const thresholds = { ...s.service_level.threshold_s_by_channel };
  const targets = { ...s.targets_by_channel };
  for (const ch of model.channels) {
    const queues = model.queues.filter((q) => q.channel === ch.index);
    const t = ch.cfg.threshold_s ?? common(queues.map((q) => q.thresholdS));
    if (t !== null) thresholds[ch.name] = t;
    const sl = common(
      queues.map((q) => ('target_sl' in q.cfg.staffing ? q.cfg.staffing.target_sl : null)),
    );
    if (sl !== null) targets[ch.name] = { ...targets[ch.name], service_level: round(sl * 100, 6) };
  }
  const occupancy = common(
    model.queues.map((q) =>
      q.cfg.staffing.mode === 'erlang-c' ? q.cfg.staffing.max_occupancy : null,
    ),
  );
  const concurrency = { ...s.staffing.concurrency_by_channel };
  for (const ch of model.channels) concurrency[ch.name] = ch.cfg.concurrency;
  const interval = scenario.interval_minutes;
  return {
    ...s,
    timezone: scenario.timezone,
    currency: scenario.currency,
    service_level: { ...s.service_level, threshold_s_by_channel: thresholds },
    targets_by_channel: targets,
    business_hours: businessHours(run),
    staffing: {
      ...s.staffing,
      ...paidTime(run),
      ...(occupancy === null ? {} : { max_occupancy: occupancy }),
      concurrency_by_channel: concurrency,
      ...(interval === 15 || interval === 30 ? { interval_minutes: interval } : {}),
    },
  };
}

/** The one value every entry has (nulls ignored); null when they differ or there is none. */
function common(values: readonly (number | null)[]): number | null {
  const set = new Set(values.filter((v): v is number => v !== null));
  return set.size === 1 ? [...set][0]! : null;
}

/**
 * Shrinkage = 1 − agent time on duty / paid agent time over the whole plan (breaks and absent
 * shifts), and the hourly rate weighted by paid time: what the staffing table's rows imply.
 */
function paidTime(run: CoreRun): { shrinkage?: number; hourly_rate?: number } {
  let paid = 0;
  let onDuty = 0;
  let cost = 0;
  run.plan.staffed.forEach((day, d) =>
    day.forEach((staffed, q) => {
      const duty = run.plan.onDuty[d]![q]!;
      const rate = run.model.queues[q]!.cfg.hourly_rate;
      for (let i = 0; i < staffed.length; i++) {
        paid += staffed[i]!;
        onDuty += duty[i]!;
        cost += staffed[i]! * rate;
      }
    }),
  );
  if (paid === 0) return {};
  return {
    shrinkage: round(Math.max(0, 1 - onDuty / paid), 4),
    hourly_rate: round(cost / paid, 2),
  };
}

/**
 * Opening hours of the channel whose cases the back office works: the backlog (e-mail) channel,
 * else the busiest one. Holidays are the dates in the period on which it is closed all day.
 */
function businessHours(run: CoreRun): WorkspaceSettings['business_hours'] {
  const { model, cal } = run;
  const byVolume = [...model.channels].sort((a, b) => b.cfg.daily_volume - a.cfg.daily_volume);
  const ch = model.channels.find((c) => c.backlog) ?? byVolume[0]!;
  const o = ch.cfg.open;
  const win = (h: readonly [number, number] | null): [string, string][] =>
    h ? [[clock(h[0]), clock(h[1])]] : [];
  const week = Object.fromEntries(
    WEEKDAY_KEYS.map((k, i) => [k, win(i < 5 ? o.weekday : i === 5 ? o.saturday : o.sunday)]),
  );
  const holidays = cal.days
    .filter((d) => d.holiday !== null && d.open[ch.index]!.every((x) => x === 0))
    .map((d) => d.date);
  return { week, holidays };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
