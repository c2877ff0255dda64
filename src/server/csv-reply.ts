// Content negotiation for tables: CSV when the path ends in `.csv` or `Accept` names text/csv,
// else JSON. Limits: CSV bodies are strings or streams built by the route; no other formats.

import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
