// Rules for the drill-down's parameters beyond their shapes: `group` values that can match a
// group of a report (a period label of `grain`, a weekday 1–7, a slot HH:MM), and no parameter
// that would be ignored (`grain`, `slot` and `by` only where a group or filter uses them).
// Limits: checks the labels' form and alignment, not whether the group holds any rows.

import type { z } from 'zod';
import type { Grain } from '../engine/index.ts';
import type { SLOT_MINUTES } from './query-params.ts';

export interface DrillScope {
  readonly group?: Partial<Record<string, string[]>> | undefined;
  readonly filter?: Partial<Record<string, string[]>> | undefined;
  readonly grain?: Grain | undefined;
  readonly slot?: (typeof SLOT_MINUTES)[number] | undefined;
  readonly by?: readonly string[] | undefined;
}

const MINUTES_OF: Partial<Record<Grain, number>> = { '15m': 15, '30m': 30, hour: 60 };

/**
 * Why `label` is not a bucket start of `grain` ('YYYY-MM-DD', or 'YYYY-MM-DD HH:MM' with the UTC
 * offset reports give sub-day buckets, '+02:00'; without it both occurrences of a repeated
 * local hour), or null.
 */
export function periodLabelProblem(label: string, grain: Grain): string | null {
  const sub = MINUTES_OF[grain];
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?:[+-]\d{2}:\d{2})?)?$/.exec(label);
  const form = sub === undefined ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:MM+HH:MM';
  if (!m || (sub === undefined) !== (m[4] === undefined)) {
    return `must be a ${grain} bucket as ${form}`;
  }
  const [, y, mo, d, h = '00', mi = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.toISOString().slice(0, 10) !== label.slice(0, 10) || Number(h) > 23 || Number(mi) > 59) {
    return `is not a real ${form}`;
  }
  if (sub !== undefined && (Number(h) * 60 + Number(mi)) % sub !== 0) {
    return `must start a ${grain} bucket (minutes a multiple of ${sub})`;
  }
  const aligned: Partial<Record<Grain, boolean>> = {
    week: date.getUTCDay() === 1,
    month: d === '01',
    quarter: d === '01' && (Number(mo) - 1) % 3 === 0,
    year: d === '01' && mo === '01',
  };
  if (aligned[grain] === false) {
    const start = {
      week: 'a Monday',
      month: 'the 1st',
      quarter: '1 Jan, Apr, Jul or Oct',
      year: '1 January',
    };
    return `must be the first day of its ${grain} (${start[grain as keyof typeof start]})`;
  }
  return null;
}

/** Adds an issue for every group value that no report group can have, and every unused parameter. */
export function checkDrillScope(q: DrillScope, ctx: z.RefinementCtx): void {
  const fail = (path: string, message: string, allowed?: readonly string[]) =>
    ctx.addIssue({
      code: 'custom',
      path: [path],
      message,
      ...(allowed ? { params: { allowed } } : {}),
    });
  const group = q.group ?? {};
  const value = (k: string) => group[k]?.[0];
  const period = value('period');
  if (period !== undefined && period !== '' && q.grain) {
    const problem = periodLabelProblem(period, q.grain);
    if (problem) fail('group', `\`group\` period "${period}" ${problem}, as /kpis labels it.`);
  }
  const weekday = value('weekday');
  if (weekday !== undefined && weekday !== '' && !/^[1-7]$/.test(weekday)) {
    fail('group', `\`group\` weekday "${weekday}" must be 1 (Monday) to 7 (Sunday).`, [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  }
  const slot = value('slot');
  const slotMinutes = Number(q.slot ?? 30);
  if (slot !== undefined && slot !== '') {
    const m = /^(\d{2}):(\d{2})$/.exec(slot);
    const minute = m ? Number(m[1]) * 60 + Number(m[2]) : -1;
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || minute % slotMinutes !== 0) {
      fail(
        'group',
        `\`group\` slot "${slot}" must be the start of a ${slotMinutes}-minute slot as HH:MM (\`slot\`=${slotMinutes}).`,
      );
    }
  }
  if (q.grain && period === undefined) {
    fail(
      'grain',
      '`grain` on a drill-down only says what `group=period=…` means; give that group, or leave `grain` out.',
    );
  }
  if (q.slot && slot === undefined && !q.filter?.['slot'] && !q.by?.includes('slot')) {
    fail(
      'slot',
      '`slot` on a drill-down only sizes a `group=slot=…` or `filter=slot=…`; give one, or leave `slot` out.',
    );
  }
  const ungrouped = (q.by ?? []).filter((d) => group[d] === undefined);
  if (ungrouped.length > 0) {
    fail(
      'by',
      `\`by\` ${ungrouped.join(', ')} without a \`group\` value: a drill-down gives the rows of one group, so each \`by\` dimension needs group=${ungrouped[0]}=<value> (or leave \`by\` out).`,
      Object.keys(group).filter((k) => k !== 'period'),
    );
  }
}
