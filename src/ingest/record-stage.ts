// Stages canonical JS records in a temp table through DuckDB data chunks: typed columns, low-
// cardinality text as dictionary codes (few string crossings), odd values as text for SQL to judge.

import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBTimestampTZValue,
  INTEGER,
  TIMESTAMPTZ,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { ENTITY_FIELDS, type Entity, type FieldSpec } from '../model/fields.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { q, tempName } from './sql-util.ts';
import type { CanonicalRecord, CanonicalValue } from './types.ts';

/** Text fields with few distinct values: staged as codes into one shared dictionary. */
const CODED = new Set([
  'channel',
  'direction',
  'queue',
  'agent_id',
  'team',
  'category',
  'outcome',
  'flow_reason',
  'kind',
  'status',
  'currency',
]);

const BLOCK = 2048;

type Kind = 'code' | 'text' | 'ts' | 'num' | 'int' | 'bool' | 'overflow';

const KIND_TYPE: Readonly<Record<Kind, DuckDBType>> = {
  code: INTEGER,
  text: VARCHAR,
  ts: TIMESTAMPTZ,
  num: DOUBLE,
  int: INTEGER,
  bool: BOOLEAN,
  overflow: DATE,
};

function kindOf(f: FieldSpec): Kind {
  if (f.type === 'string' || f.type === 'enum') return CODED.has(f.name) ? 'code' : 'text';
  if (f.type === 'timestamp') return 'ts';
  if (f.type === 'seconds' || f.type === 'number') return 'num';
  if (f.type === 'integer') return 'int';
  if (f.type === 'boolean') return 'bool';
  return 'overflow'; // dates: always judged in SQL from text
}

const asText = (v: CanonicalValue): string =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()) : String(v);

export class RecordStage {
  readonly table = tempName('stage');
  readonly dict = tempName('dict');
  private readonly fields: readonly FieldSpec[];
  private readonly kinds: readonly Kind[];
  private readonly codes = new Map<string, number>();
  private newCodes: [number, string][] = [];
  rows = 0;

  constructor(
    private readonly ws: Workspace,
    readonly entity: Entity,
  ) {
    this.fields = ENTITY_FIELDS[entity];
    this.kinds = this.fields.map(kindOf);
  }

  async create(): Promise<void> {
    const cols = this.fields.map(
      (f, i) => `${q(f.name)} ${KIND_TYPE[this.kinds[i] ?? 'text'].toString()}`,
    );
    await this.ws.runner.exec(
      `CREATE TEMP TABLE ${this.table} (_line BIGINT, ${cols.join(', ')}, _text VARCHAR)`,
    );
    await this.ws.runner.exec(
      `CREATE TEMP TABLE IF NOT EXISTS ${this.dict} (code INTEGER, s VARCHAR)`,
    );
    this.rows = 0;
  }

  /** Appends records; `firstLine` is the 1-based number of the first one in the whole call. */
  async append(records: readonly CanonicalRecord[], firstLine: number): Promise<void> {
    const appender = await this.ws.runner.connection.createAppender(this.table, 'main', 'temp');
    const types = [BIGINT, ...this.kinds.map((k) => KIND_TYPE[k]), VARCHAR];
    let chunk: DuckDBDataChunk | undefined;
    for (let start = 0; start < records.length; start += BLOCK) {
      const n = Math.min(BLOCK, records.length - start);
      // One chunk is reused for full blocks: fewer native handles and less garbage.
      if (!chunk || n !== BLOCK) chunk = DuckDBDataChunk.create(types, n);
      else chunk.rowCount = n;
      const overflow: (Record<string, string> | undefined)[] = new Array(n);
      const lines = chunk.getColumnVector(0);
      for (let k = 0; k < n; k += 1) lines.setItem(k, BigInt(firstLine + start + k));
      lines.flush();
      for (let i = 0; i < this.fields.length; i += 1) {
        const name = this.fields[i]?.name ?? '';
        const kind = this.kinds[i] ?? 'text';
        const vec = chunk.getColumnVector(i + 1);
        for (let k = 0; k < n; k += 1) {
          const v = records[start + k]?.[name];
          const placed = v === null || v === undefined ? null : this.place(kind, v);
          if (placed === undefined) (overflow[k] ??= {})[name] = asText(v);
          vec.setItem(k, placed ?? null);
        }
        vec.flush();
      }
      const text = chunk.getColumnVector(this.fields.length + 1);
      for (let k = 0; k < n; k += 1)
        text.setItem(k, overflow[k] ? JSON.stringify(overflow[k]) : null);
      text.flush();
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    appender.closeSync();
    await this.flushCodes();
    this.rows += records.length;
  }

  /** The staged value, or undefined when the value must go to SQL as text to be judged. */
  private place(kind: Kind, v: NonNullable<CanonicalValue>): DuckDBValue | undefined {
    switch (kind) {
      case 'text':
        return typeof v === 'string' ? v : asText(v);
      case 'code':
        return this.code(typeof v === 'string' ? v : asText(v));
      case 'ts':
        return v instanceof Date && !Number.isNaN(v.getTime())
          ? new DuckDBTimestampTZValue(BigInt(v.getTime() * 1000)) // exact: |µs| < 2^53
          : undefined;
      case 'num':
        return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
      case 'int':
        return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31
          ? v
          : undefined;
      case 'bool':
        return typeof v === 'boolean' ? v : undefined;
      case 'overflow':
        return undefined;
    }
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.codes.size;
      this.codes.set(s, c);
      this.newCodes.push([c, s]);
    }
    return c;
  }

  private async flushCodes(): Promise<void> {
    if (this.newCodes.length === 0) return;
    const appender = await this.ws.runner.connection.createAppender(this.dict, 'main', 'temp');
    for (const [c, s] of this.newCodes) {
      appender.appendInteger(c);
      appender.appendVarchar(s);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    this.newCodes = [];
  }

  /** The staged rows with codes decoded: `_rid`, `_line`, canonical columns, `_text`. */
  relation(): string {
    const joins: string[] = [];
    const cols = this.fields.map((f, i) => {
      if (this.kinds[i] !== 'code') return `s.${q(f.name)}`;
      joins.push(`LEFT JOIN ${this.dict} d${i} ON d${i}.code = s.${q(f.name)}`);
      return `d${i}.s AS ${q(f.name)}`;
    });
    return `SELECT s.rowid AS _rid, s._line, ${cols.join(', ')}, s._text FROM ${this.table} s ${joins.join(' ')}`;
  }

  rawJson(): string {
    const pairs = this.fields.map((f) => `'${f.name}', r.${q(f.name)}`).join(', ');
    return `CAST(json_merge_patch(json_object(${pairs}), coalesce(r._text, '{}')) AS VARCHAR)`;
  }

  async drop(): Promise<void> {
    await this.ws.runner.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }

  async dropAll(): Promise<void> {
    await this.drop();
    await this.ws.runner.exec(`DROP TABLE IF EXISTS ${this.dict}`);
  }
}
