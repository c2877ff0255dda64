// The observed intervals planIntervals reads, and the weekday profile: a "typical week" with the
// mean volume per weekday × slot over every occurrence of that weekday in the period.
// Limits: a slot missing on a day counts as zero contacts; DST's repeated hour adds to its slot.

/** One observed interval; an `IntervalHistoryRow` from src/engine fits this shape. */
export interface IntervalObservation {
  /** Local start, 'YYYY-MM-DD HH:MM'. */
  readonly intervalStart: string;
  readonly utcOffsetMinutes?: number;
  /** The start as a UTC instant (ISO 8601), where known. */
  readonly startUtc?: string;
  /** ISO weekday 1 (Monday) … 7 (Sunday) and local time of day 'HH:MM'. */
  readonly weekday: number;
  readonly slot: string;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Observed service level as numerator and denominator, so it re-aggregates. */
  readonly slNumerator: number;
  readonly slDenominator: number;
  readonly answeredWaitSeconds: number;
  /** Waiting time of all offered contacts: with the abandons, the patience estimate. */
  readonly offeredWaitSeconds: number;
  readonly handled: number;
  readonly handleSeconds: number;
  /** Paid agents planned (mean over the interval); null without a plan. */
  readonly agentsStaffed: number | null;
  /** Agents on duty (present, not on a break), where known. */
  readonly agentsOnDuty?: number | null;
  readonly hourlyRate: number | null;
  /** The queue, when the history is kept per queue. */
  readonly queue?: string | null;
}

export interface ObservedHistory {
  readonly rows: readonly IntervalObservation[];
  /** First and last local day; a profile divides by the number of each weekday in it. */
  readonly period?: { readonly from: string | null; readonly to: string | null };
}

/** Sums over one interval, or over every occurrence of a weekday × slot. */
export interface PooledObservation extends Omit<
  IntervalObservation,
  'intervalStart' | 'utcOffsetMinutes' | 'agentsOnDuty' | 'queue' | 'startUtc'
> {
  readonly intervalStart: string | null;
  readonly utcOffsetMinutes: number | null;
  readonly agentsOnDuty: number | null;
  readonly queue: string | null;
  /** Days behind the row; `volume` = offered / days. */
  readonly days: number;
  readonly volume: number;
}

export function observeIntervals(rows: readonly IntervalObservation[]): PooledObservation[] {
  return rows.map((r) => ({
    ...r,
    utcOffsetMinutes: r.utcOffsetMinutes ?? null,
    agentsOnDuty: r.agentsOnDuty ?? null,
    queue: r.queue ?? null,
    days: 1,
    volume: r.offered,
  }));
}

/** One row per weekday × slot seen in the history, in week order (Monday 00:00 first). */
export function weekdayProfile(history: ObservedHistory): PooledObservation[] {
  const dates = history.rows.map((r) => r.intervalStart.slice(0, 10)).sort();
  const from = history.period?.from ?? dates[0];
  const to = history.period?.to ?? dates.at(-1);
  const perWeekday = from && to ? countWeekdays(from, to) : new Map<number, number>();
  const groups = new Map<string, IntervalObservation[]>();
  for (const r of history.rows) {
    const key = `${r.weekday}|${r.slot}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = [...groups.values()].map((rs) => pool(rs, perWeekday.get(rs[0]!.weekday) ?? 0));
  return out.sort((a, b) => a.weekday - b.weekday || (a.slot < b.slot ? -1 : 1));
}

function pool(rs: readonly IntervalObservation[], occurrences: number): PooledObservation {
  const sum = (f: (r: IntervalObservation) => number) => rs.reduce((a, r) => a + f(r), 0);
  const days = Math.max(occurrences, new Set(rs.map((r) => r.intervalStart.slice(0, 10))).size);
  const planned = rs.filter((r) => r.agentsStaffed !== null);
  const rated = planned.filter((r) => r.hourlyRate !== null);
  const ratedAgents = rated.reduce((a, r) => a + (r.agentsStaffed ?? 0), 0);
  const offered = sum((r) => r.offered);
  const onDuty = planned.every((r) => (r.agentsOnDuty ?? null) !== null);
  return {
    intervalStart: null,
    utcOffsetMinutes: null,
    queue: rs[0]!.queue ?? null,
    weekday: rs[0]!.weekday,
    slot: rs[0]!.slot,
    days,
    volume: offered / days,
    offered,
    answered: sum((r) => r.answered),
    abandoned: sum((r) => r.abandoned),
    slNumerator: sum((r) => r.slNumerator),
    slDenominator: sum((r) => r.slDenominator),
    answeredWaitSeconds: sum((r) => r.answeredWaitSeconds),
    offeredWaitSeconds: sum((r) => r.offeredWaitSeconds),
    handled: sum((r) => r.handled),
    handleSeconds: sum((r) => r.handleSeconds),
    agentsStaffed: planned.length
      ? planned.reduce((a, r) => a + (r.agentsStaffed ?? 0), 0) / planned.length
      : null,
    agentsOnDuty:
      planned.length && onDuty
        ? planned.reduce((a, r) => a + (r.agentsOnDuty ?? 0), 0) / planned.length
        : null,
    hourlyRate: !rated.length
      ? null
      : ratedAgents > 0
        ? rated.reduce((a, r) => a + (r.hourlyRate ?? 0) * (r.agentsStaffed ?? 0), 0) / ratedAgents
        : rated.reduce((a, r) => a + (r.hourlyRate ?? 0), 0) / rated.length,
  };
}

/** How often each ISO weekday occurs from `from` to `to` (local days, inclusive). */
export function countWeekdays(from: string, to: string): Map<number, number> {
  const out = new Map<number, number>();
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const wd = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    out.set(wd, (out.get(wd) ?? 0) + 1);
  }
  return out;
}
