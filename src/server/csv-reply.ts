// Content negotiation for tables (CSV when the path ends in `.csv` or `Accept` names text/csv,
// else JSON) and CSV export of paged tables: every row, streamed a batch at a time, or the one
// page asked for, which the headers then say. Limits: CSV only; no other formats.

import { AsyncResource } from 'node:async_hooks';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runner } from '../engine/runner.ts';
import { columnsOf, csvLine, type CsvCell } from './csv.ts';
import { beginReadSnapshot } from './read-snapshot.ts';

export function wantsCsv(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  if (path.endsWith('.csv')) return true;
  return /(^|[\s,])text\/csv\b/i.test(req.headers.accept ?? '');
}

export function sendCsv(reply: FastifyReply, name: string, body: string | Readable): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(body);
}

/** The path and its `.csv` twin, so one handler serves both. */
export function withCsvPath(url: string): readonly [string, string] {
  return [url, `${url}.csv`];
}

export type TableRow = Readonly<Record<string, unknown>>;

/** A table read in pages: how many rows it has, and `limit` rows from `offset`. */
export interface PagedTable {
  count(): Promise<number>;
  /** `offset` is always a multiple of `limit`. */
  fetch(offset: number, limit: number): Promise<readonly TableRow[]>;
  /** Column order; by default the keys of the first rows (no rows: an empty body). */
  readonly columns?: readonly string[];
  /** Read every page from one snapshot of this runner, so an import meanwhile cannot shift rows. */
  readonly snapshot?: Runner;
}

/** Rows per statement when a whole table is streamed. */
export const EXPORT_BATCH = 10_000;

/**
 * Sends a table as CSV. Without `page`: every row, streamed EXPORT_BATCH at a time, so an export
 * is complete at bounded memory. With `page`: that page only, and `X-Page`, `X-Page-Size` and a
 * `-page-N` file name say so. `X-Total-Count` always gives the whole table's row count.
 */
export async function sendCsvTable(
  reply: FastifyReply,
  name: string,
  table: PagedTable,
  { page, batch = EXPORT_BATCH }: { page?: { page: number; size: number }; batch?: number } = {},
): Promise<FastifyReply> {
  // Later pages are read after the handler returned, while the response streams: keep them in
  // this request's async context (its database connection, see request-workspace.ts).
  const fetch = AsyncResource.bind((offset: number, limit: number) => table.fetch(offset, limit));
  const end = AsyncResource.bind(
    table.snapshot ? await beginReadSnapshot(table.snapshot) : async () => undefined,
  );
  try {
    const total = await table.count();
    const [offset, limit] = page ? [(page.page - 1) * page.size, page.size] : [0, batch];
    const first = await fetch(offset, limit);
    reply.header('x-total-count', String(total));
    if (page) {
      await end();
      reply.header('x-page', String(page.page)).header('x-page-size', String(page.size));
      return sendCsv(reply, `${name}-page-${page.page}`, Readable.from(lines(first, table)));
    }
    // A client that leaves mid-export ends the snapshot too (end() runs once).
    reply.raw.once('close', () => void end().catch(() => undefined));
    return sendCsv(reply, name, Readable.from(lines(first, table, { total, batch, fetch, end })));
  } catch (e) {
    await end();
    throw e;
  }
}

interface More {
  readonly total: number;
  readonly batch: number;
  fetch(offset: number, limit: number): Promise<readonly TableRow[]>;
  end(): Promise<void>;
}

/** Header and rows; with `more`, the following batches until `total` rows were written. */
async function* lines(
  first: readonly TableRow[],
  table: PagedTable,
  more?: More,
): AsyncGenerator<string> {
  try {
    const columns = table.columns ?? columnsOf(first);
    if (columns.length === 0) return;
    yield csvLine(columns);
    let rows = first;
    for (let offset = 0; ;) {
      for (const r of rows) yield csvLine(columns.map((c) => r[c] as CsvCell));
      offset += rows.length;
      if (!more || offset >= more.total || rows.length < more.batch) return;
      rows = await more.fetch(offset, more.batch);
    }
  } finally {
    await more?.end();
  }
}
