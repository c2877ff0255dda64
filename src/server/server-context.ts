// What every route module receives: the Fastify instance typed for zod schemas and the open
// workspace. Limits: one workspace per server; settings are read per request.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Workspace } from '../workspace/workspace.ts';

export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ServerContext {
  readonly workspace: Workspace;
  /** Rebuilds derived tables and rollups in the background (after an import). */
  readonly warm?: () => void;
}

export const API = '/api/v1';
