// Validation rules as SQL over the final view: each yields (row, field, value, reason, code) for
// every defect, so a row with three defects gets three quarantine rows. Codes: docs/importing.md.

import type { FieldSpec } from '../model/fields.ts';
import { derivations } from './derive.ts';
import type { FieldSource, ResolvedMapping } from './resolve-mapping.ts';
import { textOf } from './map-sql.ts';
import { ISO_SHAPE, formatShape, lit, q } from './sql-util.ts';

interface Rule {
  readonly field: string;
  readonly when: string;
  readonly reason: string;
  /** A code, or SQL yielding one. */
  readonly code: string;
}

const MIN_TS = `TIMESTAMPTZ '1990-01-01 00:00:00+00'`;
const MAX_TS = `(current_timestamp + INTERVAL 1 YEAR)`;

export function disp(spec: FieldSpec): string {
  const v = q(spec.name);
  const typed =
    spec.type === 'timestamp'
      ? `strftime(timezone('UTC', ${v}), '%Y-%m-%dT%H:%M:%SZ')`
      : `CAST(${v} AS VARCHAR)`;
  return spec.type === 'string' ? typed : `coalesce(${textOf(spec)}, ${typed})`;
}

function sourceLabel(s: FieldSource | null): string {
  if (!s) return 'no source column matched';
  switch (s.kind) {
    case 'column':
      return `column "${s.column}"`;
    case 'combine':
      return `columns "${s.date}" + "${s.time}"`;
    case 'template':
      return 'template';
    case 'constant':
      return 'constant';
  }
}

const TYPE_CODES: Readonly<Record<string, [string, string]>> = {
  seconds: ['INVALID_DURATION', 'is not a duration (a number in the column unit, or h:mm:ss)'],
  number: ['INVALID_NUMBER', 'is not a number'],
  integer: ['INVALID_INTEGER', 'is not a whole number'],
  boolean: ['INVALID_BOOLEAN', 'is not a yes/no value'],
  date: ['INVALID_DATE', 'is not a date'],
};

function fieldRules(rm: ResolvedMapping, derived: ReadonlySet<string>): Rule[] {
  const rules: Rule[] = [];
  for (const f of rm.fields) {
    const s = f.spec;
    const v = q(s.name);
    const t = textOf(s);
    const given = derived.has(s.name) ? q(`${s.name}__given`) : `${v} IS NOT NULL`;
    const label = sourceLabel(f.source);
    if (s.required) {
      rules.push({
        field: s.name,
        when: `${v} IS NULL AND ${t} IS NULL`,
        code: 'REQUIRED_MISSING',
        reason: lit(`${s.name} is required but empty (${label})`),
      });
    }
    const bad = `${t} IS NOT NULL AND NOT (${given})`;
    const quoted = `'"', ${t}, '"'`;
    if (s.type === 'enum') {
      const allowed = (s.values ?? []).filter((x) => x !== '').join(', ');
      rules.push({
        field: s.name,
        when: bad,
        code: 'INVALID_ENUM',
        reason: `concat(${quoted}, ${lit(` is not a known ${s.name} (allowed: ${allowed})`)})`,
      });
    } else if (s.type === 'timestamp') {
      const fmt = f.format && f.format !== 'iso' ? f.format : undefined;
      const shape = fmt && !fmt.startsWith('epoch') ? formatShape(fmt) : ISO_SHAPE;
      const expected = fmt ?? 'ISO 8601, e.g. 2026-03-01 09:30:00 or 2026-03-01T08:30:00Z';
      rules.push({
        field: s.name,
        when: bad,
        code: `CASE WHEN regexp_matches(${t}, ${lit(shape)}) THEN 'IMPOSSIBLE_TIMESTAMP' ELSE 'INVALID_TIMESTAMP' END`,
        reason: `CASE WHEN regexp_matches(${t}, ${lit(shape)}) THEN concat(${quoted}, ' is not a real date or time')
          ELSE concat(${quoted}, ${lit(` cannot be read as a timestamp (expected ${expected})`)}) END`,
      });
      rules.push({
        field: s.name,
        when: `(${given}) AND (${v} < ${MIN_TS} OR ${v} > ${MAX_TS})`,
        code: 'TIMESTAMP_OUT_OF_RANGE',
        reason: `concat(${disp(s)}, ' is before 1990 or more than a year from now')`,
      });
    } else if (s.type === 'integer' && s.name === 'score') {
      rules.push({
        field: s.name,
        when: bad,
        code: 'SCORE_NOT_INTEGER',
        reason: `concat('score ', ${quoted}, ' is not a whole number')`,
      });
    } else if (TYPE_CODES[s.type]) {
      const [code, text] = TYPE_CODES[s.type] ?? ['', ''];
      rules.push({
        field: s.name,
        when: bad,
        code,
        reason: `concat(${quoted}, ${lit(` ${text}`)})`,
      });
    }
    if (s.type === 'seconds') {
      rules.push({
        field: s.name,
        when: `(${given}) AND ${v} < 0`,
        code: 'NEGATIVE_DURATION',
        reason: `concat(${lit(`${s.name} `)}, ${disp(s)}, ' is negative')`,
      });
    }
  }
  return rules;
}

function before(a: string, b: string, code: string): Rule {
  return {
    field: a,
    when: `${q(a)} < ${q(b)}`,
    code,
    reason: `concat(${lit(`${a} `)}, ${tsDisp(a)}, ${lit(` is before ${b} `)}, ${tsDisp(b)})`,
  };
}
const tsDisp = (f: string) => disp({ name: f, type: 'timestamp', description: '' });

function entityRules(rm: ResolvedMapping, currency: string): Rule[] {
  switch (rm.entity) {
    case 'contacts':
      return [
        {
          ...before('answered_at', 'offered_at', 'ANSWERED_BEFORE_OFFERED'),
          when: `answered_at__given AND answered_at < offered_at`,
        },
        before('ended_at', 'offered_at', 'ENDED_BEFORE_OFFERED'),
        {
          ...before('ended_at', 'answered_at', 'ENDED_BEFORE_ANSWERED'),
          when: `ended_at < answered_at AND ended_at >= offered_at`,
        },
        {
          field: 'outcome',
          when: `outcome = 'answered' AND answered_at IS NULL AND wait_s IS NULL`,
          code: 'ANSWER_TIME_MISSING',
          reason: lit('an answered contact needs answered_at or wait_s'),
        },
        {
          field: 'answered_at',
          when: `outcome IN ('abandoned', 'flowed_out') AND answered_at__given`,
          code: 'ANSWERED_AT_ON_UNANSWERED',
          reason: `concat('answered_at is set but the outcome is ', outcome)`,
        },
      ];
    case 'cases':
      return [
        before('first_response_at', 'created_at', 'FIRST_RESPONSE_BEFORE_CREATED'),
        before('resolved_at', 'created_at', 'RESOLVED_BEFORE_CREATED'),
        {
          field: 'reopened_count',
          when: 'reopened_count < 0',
          code: 'NEGATIVE_COUNT',
          reason: lit('reopened_count is negative'),
        },
      ];
    case 'surveys': {
      const badScale = `(kind = 'nps' AND NOT (scale_min = 0 AND scale_max = 10))
        OR (kind = 'csat' AND NOT (scale_max IN (3, 5, 7, 10) AND (scale_min = 1 OR (scale_min = 0 AND scale_max = 10))))
        OR (kind = 'ces' AND NOT (scale_max IN (5, 7) AND scale_min = 1))`;
      return [
        {
          field: 'scale_max',
          when: badScale,
          code: 'INVALID_SCALE',
          reason: `concat(kind, ' scale ', scale_min, '–', scale_max, ' is not supported (NPS 0–10; CSAT 1–3, 1–5, 1–7, 1–10 or 0–10; CES 1–5 or 1–7)')`,
        },
        {
          field: 'score',
          when: `score IS NOT NULL AND NOT (${badScale}) AND (score < scale_min OR score > scale_max)`,
          code: 'SCORE_OUT_OF_SCALE',
          reason: `concat('score ', score, ' is outside the ', kind, ' scale ', scale_min, '–', scale_max)`,
        },
      ];
    }
    case 'staffing':
      return [
        {
          field: 'interval_minutes',
          when: 'interval_minutes < 1 OR interval_minutes > 1440',
          code: 'INVALID_INTERVAL',
          reason: `concat('interval_minutes ', interval_minutes, ' is not between 1 and 1440')`,
        },
        ...['agents_staffed', 'agents_on_duty', 'hourly_rate'].map((f) => ({
          field: f,
          when: `${f} < 0`,
          code: 'NEGATIVE_NUMBER',
          reason: `concat(${lit(`${f} `)}, ${f}, ' is negative')`,
        })),
        {
          field: 'channel',
          when: `channel = '' AND queue = ''`,
          code: 'REQUIRED_MISSING',
          reason: lit('a staffing row needs a channel or a queue'),
        },
      ];
    case 'costs':
      return [
        {
          field: 'period_end',
          when: 'period_end < period_start',
          code: 'PERIOD_END_BEFORE_START',
          reason: `concat('period_end ', period_end, ' is before period_start ', period_start)`,
        },
        {
          field: 'currency',
          when: `currency__given AND currency <> ${lit(currency)}`,
          code: 'CURRENCY_MISMATCH',
          reason: `concat('currency ', currency, ${lit(` differs from the workspace currency ${currency}`)})`,
        },
        {
          field: 'amount',
          when: 'amount < 0',
          code: 'NEGATIVE_AMOUNT',
          reason: `concat('amount ', coalesce(amount__t, CAST(amount AS VARCHAR)), ' is negative')`,
        },
      ];
  }
}

/**
 * The SQL that fills `issues` (rid, line, field, value, reason, code) from `view`: one scan picks
 * the rows breaking any rule into `suspect` (few, in a usable file), then one SELECT per rule
 * reads only those.
 */
export function ruleStatements(
  rm: ResolvedMapping,
  view: string,
  suspect: string,
  issues: string,
  currency: string,
): string[] {
  const derived = new Set(Object.keys(derivations(rm.entity, currency)));
  const specs = new Map(rm.fields.map((f) => [f.spec.name, f.spec]));
  const rules = [...fieldRules(rm, derived), ...entityRules(rm, currency)];
  const selects = rules.map((r) => {
    const spec = specs.get(r.field);
    const value = spec ? disp(spec) : 'NULL';
    return `SELECT _rid, _line, ${lit(r.field)}, ${value}, ${r.reason}, ${r.code.startsWith('CASE') ? r.code : lit(r.code)} FROM ${suspect} WHERE ${r.when}`;
  });
  const any = rules.map((r) => `(${r.when})`).join(' OR ') || 'FALSE';
  return [
    `CREATE TEMP TABLE ${suspect} AS SELECT * FROM ${view} WHERE NOT _skip AND (${any})`,
    ...(selects.length > 0
      ? [
          `INSERT INTO ${issues} (rid, line, field, value, reason, code) ${selects.join('\nUNION ALL\n')}`,
        ]
      : []),
  ];
}
