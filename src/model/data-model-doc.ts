// Renders docs/data-model.md from the field lists, so the documentation cannot drift from the
// model (a unit test compares the two). Pure.

import { ENTITY_FIELDS, ENTITY_KEY, ENTITIES, type FieldSpec } from './fields.ts';

const TYPE_TEXT: Readonly<Record<FieldSpec['type'], string>> = {
  string: 'text',
  timestamp: 'timestamp (UTC)',
  seconds: 'number, seconds',
  integer: 'integer',
  number: 'number',
  boolean: 'true / false',
  enum: 'one of',
  date: 'date (YYYY-MM-DD)',
};

const INTRO: Readonly<Record<(typeof ENTITIES)[number], string>> = {
  contacts:
    'One row per contact (call, chat, e-mail, message) that entered a queue. Service level, ASA, AHT and abandon rate are computed from contacts.',
  cases:
    'One row per case (ticket). FCR, reopen rate, time to resolution and cost per resolution are computed from cases; contacts whose case is not in this table form cases of their own (see docs/architecture.md).',
  surveys:
    'One row per survey response. NPS, CSAT and CES are computed from surveys; channel, queue, team, agent and category are taken from the linked contact or case when the response lacks them.',
  costs:
    'Operational cost per period, optionally per channel and team; spread evenly over the days of the period.',
  staffing:
    'Agents per interval and channel or queue, as a workforce-management tool exports them (or as the simulator planned them). The staffing plan (`cxkpi staffing`, `GET /api/v1/staffing`) shows them next to the agents Erlang requires and predicts the service level they give.',
};

export function dataModelMarkdown(): string {
  const parts = [
    '# Data model',
    '',
    '<!-- Generated from src/model/fields.ts by `npm run docs`; a unit test keeps it in sync. -->',
    '',
    'Timestamps are stored in UTC; calendar grouping (day, week from Monday, month, quarter, 15/30-minute intervals) uses the workspace time zone (`cxkpi config get timezone`). Durations are in seconds. Every stored row also keeps its lineage: `_source` (file), `_row` (row number in that file), `_hash` (content hash, to tell updated from unchanged) and `_import_id`.',
    '',
  ];
  for (const e of ENTITIES) {
    parts.push(
      `## ${e}`,
      '',
      INTRO[e],
      '',
      `Key: \`${ENTITY_KEY[e].join(' + ')}\` — importing the same key again updates the record.`,
      '',
    );
    parts.push('| field | type | required | unit | meaning |', '| --- | --- | --- | --- | --- |');
    for (const f of ENTITY_FIELDS[e]) {
      const type =
        f.type === 'enum'
          ? `one of: ${(f.values ?? []).map((v) => (v === '' ? '(empty)' : `\`${v}\``)).join(', ')}`
          : TYPE_TEXT[f.type];
      parts.push(
        `| \`${f.name}\` | ${type} | ${f.required ? 'yes' : ''} | ${f.unit ?? (f.type === 'seconds' ? 's' : '')} | ${f.description} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
