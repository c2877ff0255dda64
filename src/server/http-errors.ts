// The one place errors become HTTP responses: bad parameters and UserErrors → 400 with the
// parameter and allowed values; client errors keep their status; anything else → logged 500.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { isUserError } from '../errors.ts';
import { StaffingInputError } from '../staffing/index.ts';

export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly parameter?: string;
    readonly allowed?: readonly string[];
    readonly issues?: readonly ParameterIssue[];
    readonly [location: string]: unknown;
  };
}

export interface ParameterIssue {
  readonly parameter: string;
  readonly message: string;
  readonly allowed?: readonly string[];
}

/** Engine field names → the API's parameter names. */
const PARAM_OF: Readonly<Record<string, string>> = {
  kpis: 'kpi',
  filters: 'filter',
  slotMinutes: 'slot',
};

export function apiError(
  code: string,
  message: string,
  extra: Omit<ApiErrorBody['error'], 'code' | 'message'> = {},
): ApiErrorBody {
  return { error: { code, message, ...extra } };
}

/** Upload limits, so a 413 can say what the server accepts. */
export interface UploadLimits {
  readonly maxUploadBytes: number;
  readonly maxFiles: number;
}

/** The one error handler, knowing the server's upload limits. */
export function errorHandlerFor(limits: UploadLimits) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const upload = uploadLimitBody(err, limits);
    if (upload) {
      reply.code(413).send(upload);
      return;
    }
    errorHandler(err, req, reply);
  };
}

/** @fastify/multipart's limit errors, as a body that names the field and the limit. */
function uploadLimitBody(err: FastifyError, limits: UploadLimits): ApiErrorBody | null {
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
    return apiError(
      'UPLOAD_TOO_LARGE',
      `An uploaded file is larger than the ${bytesText(limits.maxUploadBytes)} this server accepts per file.`,
      { parameter: 'file', fix: 'Split the file, or import it with the CLI on the workspace.' },
    );
  }
  if (err.code === 'FST_FILES_LIMIT') {
    return apiError(
      'TOO_MANY_FILES',
      `At most ${limits.maxFiles} files (\`file\` and \`mapping\`) per import request.`,
      { parameter: 'file', fix: 'Send the files in several requests.' },
    );
  }
  return null;
}

function bytesText(n: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} bytes`;
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const known = schemaKeys(req, err.validationContext);
    const issues = err.validation.map((v) => {
      const params = v.params as { keys?: string[]; params?: { allowed?: string[] } };
      const [, first = ''] = v.instancePath.split('/');
      if (v.keyword === 'unrecognized_keys') {
        const keys = params.keys ?? [];
        const allowed = known.length
          ? `Allowed parameters: ${known.join(', ')}.`
          : 'This route takes no parameters.';
        return issue(
          keys[0] ?? '',
          `Unknown parameter ${keys.map((k) => `"${k}"`).join(', ')}. ${allowed}`,
          known,
        );
      }
      return issue(first, v.message ?? 'invalid value', params.params?.allowed);
    });
    sendIssues(reply, issues);
    return;
  }
  if (err instanceof ZodError) {
    sendIssues(
      reply,
      err.issues.map((i) => {
        if (i.code === 'unrecognized_keys') {
          return issue(
            i.keys[0] ?? '',
            `Unknown parameter ${i.keys.map((k) => `"${k}"`).join(', ')}.`,
          );
        }
        const p = String(i.path[0] ?? '');
        const allowed = (i as { params?: { allowed?: string[] } }).params?.allowed;
        return issue(PARAM_OF[p] ?? p, i.message, allowed);
      }),
    );
    return;
  }
  if (isUserError(err)) {
    reply.code(400).send(apiError(err.code, err.message, { ...err.location }));
    return;
  }
  if (err instanceof StaffingInputError) {
    sendIssues(
      reply,
      err.issues.map((i) => issue(i.parameter, `${i.parameter} must be ${i.expected}`)),
      err.code,
    );
    return;
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    reply.code(status).send(apiError(err.code ?? 'BAD_REQUEST', err.message));
    return;
  }
  req.log.error({ err }, 'request failed');
  reply
    .code(500)
    .send(apiError('INTERNAL', `Internal server error (request ${req.id}); see the server log.`));
}

function issue(parameter: string, message: string, allowed?: readonly string[]): ParameterIssue {
  return { parameter, message, ...(allowed && allowed.length > 0 ? { allowed } : {}) };
}

function sendIssues(
  reply: FastifyReply,
  issues: readonly ParameterIssue[],
  code = 'INVALID_PARAMETER',
): void {
  const [first] = issues;
  const message = issues.map((i) => i.message).join(' ');
  reply.code(400).send(
    apiError(code, message || 'invalid request', {
      ...(first ?? {}),
      message: message || 'invalid request',
      ...(issues.length > 1 ? { issues } : {}),
    }),
  );
}

/** The parameter names a route accepts, read from its zod schema for "allowed parameters". */
function schemaKeys(req: FastifyRequest, context: string | undefined): string[] {
  const schema = req.routeOptions.schema as Record<string, unknown> | undefined;
  const part = schema?.[context === 'querystring' ? 'querystring' : (context ?? '')];
  const shape = (part as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

export function notFoundBody(method: string, url: string): ApiErrorBody {
  return apiError(
    'NOT_FOUND',
    `No API route ${method} ${url.split('?')[0]}. See /api/openapi.json.`,
  );
}
