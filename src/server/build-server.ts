// The Fastify app: zod validation, OpenAPI at /api/openapi.json, the /api/v1 routes on a
// connection per request (request-workspace.ts), one error handler, JSON 404s for the API and
// the web app (SPA fallback) when webDir is given.

import { resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Workspace } from '../workspace/workspace.ts';
import { registerCommentsRoute } from './comments-route.ts';
import { registerDataVersionRoute } from './data-version-route.ts';
import { registerDefinitionsRoute } from './definitions-route.ts';
import { registerDimensionsRoute } from './dimensions-route.ts';
import { registerDistributionRoute } from './distribution-route.ts';
import { registerDrillDownRoutes } from './drill-down-routes.ts';
import { registerHealthRoute } from './health-route.ts';
import { errorHandlerFor, notFoundBody } from './http-errors.ts';
import { registerImportRoute } from './imports-route.ts';
import { registerKpiRoutes } from './kpis-route.ts';
import { registerQuarantineRoute } from './quarantine-route.ts';
import { requestWorkspace } from './request-workspace.ts';
import type { ServerContext, ZodApp } from './server-context.ts';
import { registerStaffingRoute } from './staffing-route.ts';
import { precompressWebDir, setWebHeaders } from './web-assets.ts';
import { warmUp } from './warm-up.ts';

export interface BuildServerOptions {
  readonly workspace: Workspace;
  /** The web dashboard's build output (web/dist), served at `/` with SPA fallback. */
  readonly webDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest file POST /api/v1/imports accepts (default MAX_UPLOAD_BYTES). */
  readonly maxUploadBytes?: number;
  /**
   * Check every response against its schema before sending it (the route tests do). Off by
   * default: requests are always validated, but checking a trend's thousand rows again costs
   * about a sixth of its answer time, for output the tests already hold to the schemas.
   */
  readonly validateResponses?: boolean;
}

/** Largest upload accepted by POST /api/v1/imports. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
/** Files (data files and a mapping) per import request. */
export const MAX_UPLOAD_FILES = 20;

export const API_VERSION = '1.0.0';

export function buildServer({
  workspace,
  webDir,
  logger = false,
  maxUploadBytes = MAX_UPLOAD_BYTES,
  validateResponses = false,
}: BuildServerOptions): FastifyInstance {
  const app = Fastify({ logger }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    validateResponses ? serializerCompiler : () => (data: unknown) => JSON.stringify(data),
  );
  app.setErrorHandler(errorHandlerFor({ maxUploadBytes, maxFiles: MAX_UPLOAD_FILES }));
  // Bodies of 1 kB and more (API JSON, CSV) compressed as the client accepts; the dashboard's
  // files come precompressed (web-assets.ts) and are left alone.
  app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'cxkpi API',
        version: API_VERSION,
        description:
          'Contact-centre KPIs with their definitions, variants, n and period. See docs/api.md.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(fastifyMultipart, {
    limits: { fileSize: maxUploadBytes, files: MAX_UPLOAD_FILES },
  });
  const web = webDir ? resolve(webDir) : undefined;
  if (web) {
    app.register(fastifyStatic, {
      root: web,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      setHeaders: setWebHeaders,
    });
    app.addHook('onReady', async () => {
      await precompressWebDir(web).catch((err: unknown) =>
        app.log.warn({ err }, 'web files not precompressed; compressing them per request'),
      );
    });
  }
  const connections = requestWorkspace({ workspace });
  connections.register(app);
  const warm = warmUp(app);
  // Only a listening server warms up: tests that inject requests build on their first read.
  app.addHook('onListen', async () => warm.start());
  app.addHook('preClose', async () => warm.settled());
  const ctx: ServerContext = { workspace: connections.workspace, warm: () => warm.start() };
  app.register(async (api) => {
    const z = api as unknown as ZodApp;
    registerHealthRoute(z, ctx);
    registerDataVersionRoute(z, ctx);
    registerKpiRoutes(z, ctx);
    registerDefinitionsRoute(z, ctx);
    registerDimensionsRoute(z, ctx);
    registerDrillDownRoutes(z, ctx);
    registerDistributionRoute(z, ctx);
    registerCommentsRoute(z, ctx);
    registerImportRoute(z, ctx);
    registerQuarantineRoute(z, ctx);
    registerStaffingRoute(z, ctx);
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (web && !isApi && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(req.method, req.url));
  });
  return app;
}
