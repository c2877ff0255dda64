// The canonical record types as data: one list of fields per entity drives the store's DDL,
// import validation and docs/data-model.md. Pure: no I/O.

export type FieldType =
  'string' | 'timestamp' | 'seconds' | 'integer' | 'number' | 'boolean' | 'enum' | 'date';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Allowed values, for `enum` fields. */
  readonly values?: readonly string[];
  readonly unit?: string;
  readonly description: string;
}

export const CHANNELS = ['voice', 'chat', 'email', 'messaging', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['answered', 'abandoned', 'flowed_out'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FLOW_REASONS = ['timeout', 'callback', 'overflow', 'voicemail', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const ENTITIES = ['contacts', 'cases', 'surveys', 'costs', 'staffing'] as const;
export type Entity = (typeof ENTITIES)[number];

const s = (name: string, description: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type: 'string',
  description,
  ...extra,
});

export const CONTACT_FIELDS: readonly FieldSpec[] = [
  s('contact_id', 'Unique id of the contact in its source system.', { required: true }),
  {
    name: 'channel',
    type: 'enum',
    values: CHANNELS,
    required: true,
    description: 'Channel of the contact.',
  },
  {
    name: 'direction',
    type: 'enum',
    values: DIRECTIONS,
    description: 'inbound (default) or outbound.',
  },
  s('queue', 'Queue, skill or inbox the contact entered.'),
  s('agent_id', 'Agent who handled it (empty when not answered).'),
  s('team', 'Team of the agent.'),
  s(
    'customer_id',
    'Customer identifier, used to find repeat contacts across channels (FCR method 3).',
  ),
  s('case_id', 'Case (ticket) the contact belongs to; a contact without one is its own case.'),
  s('category', 'Reason or topic of the contact.'),
  {
    name: 'offered_at',
    type: 'timestamp',
    required: true,
    description: 'When the contact entered the queue (UTC); the clock start of waiting.',
  },
  {
    name: 'answered_at',
    type: 'timestamp',
    description: 'When an agent answered (UTC); empty when not answered.',
  },
  { name: 'ended_at', type: 'timestamp', description: 'When the contact ended (UTC).' },
  {
    name: 'wait_s',
    type: 'seconds',
    unit: 's',
    description: 'Time in queue until answer, abandon or flow-out.',
  },
  { name: 'talk_s', type: 'seconds', unit: 's', description: 'Talk (or active chat) time.' },
  { name: 'hold_s', type: 'seconds', unit: 's', description: 'Hold time during the contact.' },
  { name: 'acw_s', type: 'seconds', unit: 's', description: 'After-contact work (wrap-up) time.' },
  {
    name: 'outcome',
    type: 'enum',
    values: OUTCOMES,
    required: true,
    description:
      'answered, abandoned (the customer left the queue), flowed_out (left another way).',
  },
  {
    name: 'flow_reason',
    type: 'enum',
    values: FLOW_REASONS,
    description: 'Why a flowed-out contact left the queue.',
  },
  {
    name: 'transferred',
    type: 'boolean',
    description: 'The contact was transferred to another queue or agent.',
  },
  {
    name: 'first_contact_resolved',
    type: 'boolean',
    description:
      'Source system flag: resolved at first contact (empty when the source does not say).',
  },
];

export const CASE_FIELDS: readonly FieldSpec[] = [
  s('case_id', 'Unique id of the case (ticket).', { required: true }),
  { name: 'channel', type: 'enum', values: CHANNELS, description: 'Channel the case came in on.' },
  s('customer_id', 'Customer identifier.'),
  s('category', 'Reason or topic.'),
  s('queue', 'Queue, group or inbox.'),
  s('team', 'Team that owns the case.'),
  s('agent_id', 'Assignee.'),
  {
    name: 'created_at',
    type: 'timestamp',
    required: true,
    description: 'When the case was created (UTC).',
  },
  { name: 'first_response_at', type: 'timestamp', description: 'First agent response (UTC).' },
  {
    name: 'resolved_at',
    type: 'timestamp',
    description:
      'Last time the case was resolved (UTC); empty while unresolved. "Resolved" means this is set.',
  },
  {
    name: 'reopened_count',
    type: 'integer',
    description: 'How often the case was reopened after being resolved.',
  },
  s('status', 'Status in the source system (free text, kept for reference).'),
  {
    name: 'first_contact_resolved',
    type: 'boolean',
    description: 'Source system flag: resolved at first contact.',
  },
];

export const SURVEY_FIELDS: readonly FieldSpec[] = [
  s('response_id', 'Unique id of the survey response.', { required: true }),
  {
    name: 'kind',
    type: 'enum',
    values: SURVEY_KINDS,
    required: true,
    description: 'nps, csat or ces.',
  },
  {
    name: 'score',
    type: 'integer',
    required: true,
    description: 'The answer, an integer on the scale.',
  },
  {
    name: 'scale_min',
    type: 'integer',
    description: 'Lowest score of the scale (NPS 0, CSAT/CES 1 by default).',
  },
  {
    name: 'scale_max',
    type: 'integer',
    description: 'Highest score of the scale (NPS 10; CSAT 3, 5, 7 or 10; CES 5 or 7).',
  },
  {
    name: 'responded_at',
    type: 'timestamp',
    required: true,
    description: 'When the response was given (UTC).',
  },
  s('contact_id', 'Contact the survey was about.'),
  s('case_id', 'Case the survey was about.'),
  s('comment', 'Verbatim comment.'),
  {
    name: 'channel',
    type: 'enum',
    values: CHANNELS,
    description: 'Taken from the linked contact or case when empty.',
  },
  s('queue', 'Taken from the linked contact or case when empty.'),
  s('team', 'Taken from the linked contact or case when empty.'),
  s('agent_id', 'Taken from the linked contact or case when empty.'),
  s('category', 'Taken from the linked contact or case when empty.'),
];

export const COST_FIELDS: readonly FieldSpec[] = [
  {
    name: 'period_start',
    type: 'date',
    required: true,
    description: 'First day of the cost period (workspace-local date).',
  },
  {
    name: 'period_end',
    type: 'date',
    required: true,
    description: 'Last day of the cost period, inclusive.',
  },
  {
    name: 'channel',
    type: 'enum',
    values: [...CHANNELS, ''],
    description: 'Channel the cost belongs to; empty for all channels.',
  },
  s('team', 'Team the cost belongs to; empty for all teams.'),
  {
    name: 'amount',
    type: 'number',
    required: true,
    unit: 'currency',
    description: 'Operational cost of the period.',
  },
  s('currency', 'ISO 4217 code; must equal the workspace currency.'),
];

/** Agents per interval and queue, from a workforce-management export (or the simulator's plan). */
export const STAFFING_FIELDS: readonly FieldSpec[] = [
  {
    name: 'interval_start',
    type: 'timestamp',
    required: true,
    description: 'Start of the interval.',
  },
  {
    name: 'interval_minutes',
    type: 'integer',
    required: true,
    unit: 'minutes',
    description:
      'Length of the interval (1–1440); a longer row counts in each plan interval it covers.',
  },
  {
    name: 'channel',
    type: 'enum',
    values: [...CHANNELS, ''],
    description: 'Channel the agents serve; empty when the export has queues only.',
  },
  s('queue', 'Queue or skill the agents serve; empty when the export has channels only.'),
  {
    name: 'agents_staffed',
    type: 'number',
    required: true,
    description:
      'Agents scheduled (paid) in the interval, breaks and absence included; a mean, so fractions are allowed.',
  },
  {
    name: 'hourly_rate',
    type: 'number',
    unit: 'currency per hour',
    description:
      'Cost of one staffed agent hour, for the cost of each extra point of service level.',
  },
  {
    name: 'agents_on_duty',
    type: 'number',
    description:
      'Agents present and not on a break (mean over the interval); the plan compares Erlang with these when given.',
  },
];

export const ENTITY_FIELDS: Readonly<Record<Entity, readonly FieldSpec[]>> = {
  contacts: CONTACT_FIELDS,
  cases: CASE_FIELDS,
  surveys: SURVEY_FIELDS,
  costs: COST_FIELDS,
  staffing: STAFFING_FIELDS,
};

/** The key that identifies a record: importing the same key again updates it. */
export const ENTITY_KEY: Readonly<Record<Entity, readonly string[]>> = {
  contacts: ['contact_id'],
  cases: ['case_id'],
  surveys: ['response_id'],
  costs: ['period_start', 'period_end', 'channel', 'team'],
  staffing: ['interval_start', 'channel', 'queue'],
};
