// Matches source column names to canonical fields without a mapping: names are compared
// case-, space-, accent- and punctuation-insensitively against a small synonym table per field.

import type { Entity } from '../model/fields.ts';
import type { Unit } from './mapping-schema.ts';

/** "Speed of answer (s)" → "speedofanswers". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const SHARED: Readonly<Record<string, readonly string[]>> = {
  channel: ['channel', 'media type', 'mediatype', 'media', 'channel type'],
  queue: ['queue', 'queue name', 'skill', 'skill group', 'skillset', 'split', 'inbox', 'group'],
  agent_id: ['agent', 'agent id', 'agent name', 'user', 'user id', 'handled by', 'assignee'],
  team: ['team', 'agent team', 'team name'],
  customer_id: ['customer id', 'customer', 'caller', 'caller id', 'ani', 'account id', 'requester'],
  category: ['category', 'topic', 'reason', 'contact reason', 'subject category', 'type'],
};

const SYNONYMS: Readonly<Record<Entity, Readonly<Record<string, readonly string[]>>>> = {
  contacts: {
    ...SHARED,
    contact_id: ['contact id', 'call id', 'interaction id', 'conversation id', 'session id', 'id'],
    case_id: ['case id', 'ticket id', 'ticket'],
    direction: ['direction', 'call direction'],
    offered_at: [
      'offered at',
      'created',
      'created at',
      'start',
      'start time',
      'call start',
      'queue entry',
      'timestamp',
      'datetime',
      'date time',
      'offered',
    ],
    answered_at: ['answered at', 'answer time', 'connected at', 'answered time'],
    ended_at: ['ended at', 'end', 'end time', 'call end', 'ended'],
    wait_s: [
      'wait time',
      'wait',
      'waiting time',
      'queue time',
      'speed of answer',
      'speed of answer in seconds',
      'time to answer',
      'wait seconds',
    ],
    talk_s: [
      'talk time',
      'talk',
      'talk duration',
      'avg talk duration',
      'avgtalkduration',
      'handle time',
      'handling time',
      'duration',
    ],
    hold_s: ['hold time', 'hold', 'hold duration'],
    acw_s: ['acw', 'after call work', 'after contact work', 'wrap up time', 'wrap time', 'wrapup'],
    outcome: ['outcome', 'result', 'answered', 'answered y n', 'answered yn', 'call status'],
    flow_reason: ['flow reason', 'flow out reason'],
    transferred: ['transferred', 'transfer'],
    first_contact_resolved: [
      'first contact resolved',
      'fcr',
      'resolved',
      'resolved at first contact',
      'first call resolution',
      'first contact resolution',
    ],
  },
  cases: {
    ...SHARED,
    case_id: ['case id', 'ticket id', 'ticket', 'ticket number', 'case number', 'id'],
    created_at: ['created at', 'created', 'creation date', 'opened', 'opened at', 'date created'],
    first_response_at: [
      'first response at',
      'first response',
      'first reply at',
      'first reply time',
    ],
    resolved_at: ['resolved at', 'solved at', 'closed at', 'resolved', 'solved', 'date resolved'],
    reopened_count: ['reopened count', 'reopens', 'reopened', 'reopen count'],
    status: ['status', 'state', 'ticket status'],
    first_contact_resolved: [
      'first contact resolved',
      'fcr',
      'one touch',
      'resolved at first contact',
    ],
  },
  surveys: {
    ...SHARED,
    response_id: ['response id', 'survey id', 'survey response id', 'id'],
    kind: ['kind', 'survey type', 'survey kind', 'metric'],
    score: ['score', 'rating', 'satisfaction rating', 'answer', 'value'],
    scale_min: ['scale min', 'min score'],
    scale_max: ['scale max', 'max score'],
    responded_at: [
      'responded at',
      'response date',
      'submitted at',
      'created at',
      'date',
      'timestamp',
    ],
    contact_id: ['contact id', 'call id', 'interaction id', 'conversation id'],
    case_id: ['case id', 'ticket id', 'ticket'],
    comment: ['comment', 'verbatim', 'feedback', 'remarks', 'text'],
  },
  costs: {
    period_start: ['period start', 'start', 'from', 'start date'],
    period_end: ['period end', 'end', 'to', 'end date'],
    channel: SHARED['channel'] ?? [],
    team: SHARED['team'] ?? [],
    amount: ['amount', 'cost', 'costs', 'total', 'total cost'],
    currency: ['currency', 'currency code'],
  },
  staffing: {
    interval_start: ['interval start', 'interval', 'start', 'start time', 'datetime', 'timestamp'],
    interval_minutes: ['interval minutes', 'interval length', 'length', 'duration', 'minutes'],
    channel: SHARED['channel'] ?? [],
    queue: SHARED['queue'] ?? [],
    agents_staffed: [
      'agents staffed',
      'staffed',
      'scheduled',
      'agents scheduled',
      'scheduled agents',
      'staffed agents',
      'agents',
      'fte',
    ],
    hourly_rate: ['hourly rate', 'rate', 'cost per hour', 'hourly cost'],
    agents_on_duty: [
      'agents on duty',
      'on duty',
      'available agents',
      'agents available',
      'productive agents',
    ],
  },
};

export interface AutoMatch {
  readonly field: string;
  readonly column: string;
  /** A unit read from the column name ("… in minutes"), when it says one. */
  readonly unit?: Unit;
  /** A value map implied by the column ("Answered (Y/N)" → outcome). */
  readonly values?: Readonly<Record<string, string>>;
}

const YES_NO_OUTCOME = {
  y: 'answered',
  yes: 'answered',
  true: 'answered',
  '1': 'answered',
  n: 'abandoned',
  no: 'abandoned',
  false: 'abandoned',
  '0': 'abandoned',
};

/** Fields → source columns by synonym, each column used once; earlier synonyms win. */
export function autoMatch(
  entity: Entity,
  columns: readonly string[],
  fields: readonly string[],
): AutoMatch[] {
  const byNorm = new Map<string, string>();
  for (const c of columns) if (!byNorm.has(normalizeName(c))) byNorm.set(normalizeName(c), c);
  const used = new Set<string>();
  const out: AutoMatch[] = [];
  for (const field of fields) {
    const names = [field, ...(SYNONYMS[entity][field] ?? [])].map(normalizeName);
    const column = names.map((n) => byNorm.get(n)).find((c) => c !== undefined && !used.has(c));
    if (column === undefined) continue;
    used.add(column);
    const unit = unitFromName(column);
    const yesNo = field === 'outcome' && normalizeName(column).startsWith('answered');
    out.push({
      field,
      column,
      ...(unit ? { unit } : {}),
      ...(yesNo ? { values: YES_NO_OUTCOME } : {}),
    });
  }
  return out;
}

function unitFromName(column: string): Unit | undefined {
  const n = normalizeName(column);
  if (/(minutes|mins|min)$/.test(n)) return 'minutes';
  if (/(milliseconds|ms)$/.test(n)) return 'ms';
  if (/(hours|hrs)$/.test(n)) return 'hours';
  if (/(seconds|secs|sec)$/.test(n)) return 'seconds';
  return undefined;
}
