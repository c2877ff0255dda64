// `cxkpi quarantine`: rows that were not stored, each with file, row, field, value and reason.
// By default the current ones: a new import of a file supersedes its earlier imports' rows.

import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { listQuarantine, type QuarantineRow } from '../../ingest/index.ts';
import { pickFormat, withWorkspace, type Ctx } from '../context.ts';
import { getFromServer, serverFor } from '../via-server.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Cell,
} from '../output.ts';

interface QuarantineOptions {
  import?: string;
  history?: boolean;
  limit: string;
  format?: string;
}

export function registerQuarantine(program: Command, ctx: Ctx): void {
  program
    .command('quarantine')
    .description('List quarantined rows with file, row, field, value and reason')
    .option('--import <id>', 'only rows of this import')
    .option('--history', 'also rows of earlier imports of the same file (superseded)')
    .option('--limit <n>', 'at most this many rows', '100')
    .option('--format <format>', 'table, json, ndjson, csv, markdown')
    .action(async (o: QuarantineOptions) => {
      const format = pickFormat(ctx, o.format);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 0) {
        throw new UserError('INVALID_PARAMETER', `Invalid --limit "${o.limit}".`, {
          parameter: 'limit',
          value: o.limit,
          fix: 'Give a whole number of rows, e.g. --limit 500.',
        });
      }
      const server = await serverFor(ctx);
      const rows = server
        ? await fromServer(server, limit, o)
        : await withWorkspace(ctx, (ws) =>
            listQuarantine(ws, {
              limit,
              history: o.history ?? false,
              ...(o.import ? { importId: o.import } : {}),
            }),
          );
      const cells: Record<string, Cell>[] = rows.map((r) => ({
        ...r,
        current: r.current ? 'yes' : 'superseded',
      }));
      const keys = ['file', 'row', 'field', 'value', 'reason', 'code', 'entity', 'importId'];
      const columns = [...keys, ...(o.history ? ['current'] : [])].map((key) => ({
        key,
        label: key,
        ...(key === 'row' ? { align: 'right' as const } : {}),
      }));
      if (format === 'json') ctx.io.out(renderJson(rows));
      else if (format === 'ndjson') ctx.io.out(renderNdjson(rows));
      else if (format === 'csv')
        ctx.io.out(
          renderCsv(
            [...keys, 'current', 'raw'],
            rows.map((r) => ({ ...r })),
          ),
        );
      else if (format === 'markdown') ctx.io.out(renderMarkdown(columns, cells));
      else ctx.io.out(rows.length ? renderTable(columns, cells) : 'No quarantined rows.\n');
    });
}

/** The same rows from a running server's /api/v1/quarantine, page by page up to `limit`. */
async function fromServer(
  url: string,
  limit: number,
  o: QuarantineOptions,
): Promise<QuarantineRow[]> {
  const rows: QuarantineRow[] = [];
  for (let page = 1; rows.length < limit; page++) {
    const size = Math.min(1000, limit);
    const body = await getFromServer<{ rows: QuarantineRow[] }>(url, '/api/v1/quarantine', [
      ['page', String(page)],
      ['page_size', String(size)],
      ['history', o.history ? 'true' : 'false'],
      ...(o.import ? [['import_id', o.import] as const] : []),
    ]);
    rows.push(...body.rows.slice(0, limit - rows.length));
    if (body.rows.length < size) break;
  }
  return rows;
}
