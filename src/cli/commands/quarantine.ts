// `cxkpi quarantine`: rows that were not stored, each with file, row, field, value and reason.

import type { Command } from 'commander';
import { listQuarantine } from '../../ingest/index.ts';
import { pickFormat, withWorkspace, type Ctx } from '../context.ts';
import {
  renderCsv,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderTable,
  type Cell,
} from '../output.ts';

export function registerQuarantine(program: Command, ctx: Ctx): void {
  program
    .command('quarantine')
    .description('List quarantined rows with file, row, field, value and reason')
    .option('--import <id>', 'only rows of this import')
    .option('--limit <n>', 'at most this many rows', '100')
    .option('--format <format>', 'table, json, ndjson, csv, markdown')
    .action(async (o: { import?: string; limit: string; format?: string }) => {
      const format = pickFormat(ctx, o.format);
      const rows = await withWorkspace(ctx, (ws) =>
        listQuarantine(ws, { limit: Number(o.limit), ...(o.import ? { importId: o.import } : {}) }),
      );
      const cells: Record<string, Cell>[] = rows.map((r) => ({ ...r }));
      const columns = ['file', 'row', 'field', 'value', 'reason', 'code', 'entity', 'importId'].map(
        (key) => ({
          key,
          label: key,
          ...(key === 'row' ? { align: 'right' as const } : {}),
        }),
      );
      if (format === 'json') ctx.io.out(renderJson(rows));
      else if (format === 'ndjson') ctx.io.out(renderNdjson(rows));
      else if (format === 'csv')
        ctx.io.out(renderCsv([...columns.map((c) => c.key), 'raw'], cells));
      else if (format === 'markdown') ctx.io.out(renderMarkdown(columns, cells));
      else ctx.io.out(rows.length ? renderTable(columns, cells) : 'No quarantined rows.\n');
    });
}
