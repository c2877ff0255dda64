// POST /api/v1/imports: multipart upload (file, entity, format, mapping, strict) → importFiles.
// Limits: one import at a time per server; uploads go to a temp dir under their own names, removed after.

import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { z } from 'zod';
import { isUserError, UserError } from '../errors.ts';
import { importFiles, SOURCE_FORMATS } from '../ingest/index.ts';
import { ENTITIES } from '../model/fields.ts';
import { oneOf } from './query-params.ts';
import { errorResponseSchema } from './response-schemas.ts';
import { API, type ServerContext, type ZodApp } from './server-context.ts';

/** The text fields of the form; files are `file` (one or more) and `mapping` (optional). */
export const importFieldsSchema = z.strictObject({
  entity: oneOf('entity', ENTITIES).optional(),
  /** The files' format when their names do not tell (e.g. `export.dat`). */
  format: oneOf('format', SOURCE_FORMATS).optional(),
  /** true: if any row of any file is quarantined, nothing of any file is stored. */
  strict: oneOf('strict', ['true', 'false'] as const).optional(),
});

const binary = z.any().meta({ type: 'string', format: 'binary' });

/** The form as OpenAPI shows it (multipart/form-data). */
const importFormSchema = importFieldsSchema.extend({
  file: binary.meta({
    description: 'The data file (CSV, TSV, JSON, NDJSON, Parquet); repeatable.',
  }),
  mapping: binary.optional().meta({ description: 'A mapping file (YAML or JSON).' }),
});

const summarySchema = z.looseObject({
  files: z.array(z.looseObject({ file: z.string(), entity: z.string(), importId: z.string() })),
  totals: z.record(z.string(), z.unknown()),
});

interface Upload {
  readonly dir: string;
  readonly files: string[];
  mapping?: string;
  readonly fields: Record<string, string>;
  /** Temp path → the name the client sent: recorded with the data, and used in messages. */
  readonly names: Map<string, string>;
}

export function registerImportRoute(app: ZodApp, { workspace, warm }: ServerContext): void {
  let queue: Promise<unknown> = Promise.resolve();
  /** DuckDB has one connection here: imports (transactions) run one after another. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  app.post(
    `${API}/imports`,
    {
      // The form is read as a stream in the handler; the body schema documents it.
      validatorCompiler: () => (value) => ({ value }),
      schema: {
        summary: 'Import a data file into the workspace (the CLI sends writes here)',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        body: importFormSchema,
        response: {
          200: summarySchema,
          400: errorResponseSchema,
          415: errorResponseSchema,
          500: errorResponseSchema,
        },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        return reply.code(415).send({
          error: {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'Send the import as multipart/form-data with a `file` field.',
          },
        });
      }
      const up = await receive(req.parts());
      try {
        const fields = importFieldsSchema.parse(up.fields);
        if (up.files.length === 0) {
          throw new UserError(
            'FILE_REQUIRED',
            'Upload at least one file in the form field `file`.',
            {
              parameter: 'file',
            },
          );
        }
        const summary = await serial(() =>
          importFiles(workspace, {
            files: up.files,
            ...(fields.entity ? { entity: fields.entity } : {}),
            ...(fields.format ? { format: fields.format } : {}),
            ...(up.mapping ? { mapping: up.mapping } : {}),
            strict: fields.strict === 'true',
            names: up.names,
          }),
        );
        // Listening servers only (onListen): an injected test request builds on its next read.
        if (app.server.listening) warm?.();
        return { ...summary, files: summary.files.map((f) => ({ ...f })) };
      } catch (e) {
        throw isUserError(e) ? withClientNames(e, up) : e;
      } finally {
        await rm(up.dir, { recursive: true, force: true });
      }
    },
  );
}

/** Streams every file part to disk under its own name (one folder per part), collects fields. */
async function receive(parts: AsyncIterable<Multipart>) {
  const dir = await mkdtemp(join(tmpdir(), 'cxkpi-upload-'));
  const up: Upload = { dir, files: [], fields: {}, names: new Map() };
  let n = 0;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        up.fields[part.fieldname] = String(part.value);
        continue;
      }
      const name = safeName(part.filename, part.fieldname);
      const sub = join(dir, String(n++));
      await mkdir(sub);
      const path = join(sub, name);
      await pipeline(part.file, createWriteStream(path));
      up.names.set(path, clientName(part.filename, name));
      if (part.fieldname === 'mapping') up.mapping = path;
      else if (part.fieldname === 'file') up.files.push(path);
      else up.fields[part.fieldname] = name;
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return up;
}

const UPLOAD_DIR = /^.*[\\/]cxkpi-upload-[^\\/]+[\\/]\d+[\\/]/;

/** The name a client uploaded, from a temp path older imports recorded (quarantine, log). */
export function uploadName(file: string): string {
  return file.replace(UPLOAD_DIR, '');
}

/**
 * The file name as the client sent it (the CLI sends the path it was given): the same file
 * imported again, directly or through the server, is recognized by it (quarantine supersedes).
 */
function clientName(filename: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (filename ?? '').replace(/[\u0000-\u001f]/g, '').trim();
  return name === '' ? fallback : name;
}

function safeName(filename: string | undefined, field: string): string {
  const base = basename((filename ?? '').replaceAll('\\', '/')).replace(/^\.+/, '');
  return base === '' ? `${field}.upload` : base;
}

/** The same error with temp paths replaced by the names the client uploaded. */
function withClientNames(e: UserError, up: Upload): UserError {
  const fix = (s: string) => {
    let out = s;
    for (const [path, name] of up.names) out = out.replaceAll(path, name);
    return out;
  };
  const loc = Object.fromEntries(
    Object.entries(e.location).map(([k, v]) => [k, typeof v === 'string' ? fix(v) : v]),
  );
  return new UserError(e.code, fix(e.message), loc);
}
