// The HTTP server: JSON API under /api (OpenAPI at /api/openapi.json) and the built web UI.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT, type AppContext } from '../app/app-context.js';
import { WatchfloorError } from '../errors.js';
import { httpStatusOf } from './http-errors.js';
import { registerRoutes } from './routes/index.js';

export type ServerOptions = { ctx: AppContext; logger?: boolean; webDir?: string };

export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 25 * 1024 * 1024 });
  await app.register(swagger, {
    openapi: { info: { title: 'Watchfloor API', version: '1' }, servers: [] },
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1000 } });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof WatchfloorError) {
      return reply.status(httpStatusOf(err.code)).send({ error: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) });
    }
    const e = err as { validation?: unknown; statusCode?: number; message: string };
    if (e.validation) return reply.status(400).send({ error: 'BAD_REQUEST', message: e.message });
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply.status(status).send({ error: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: e.message });
  });
  await registerRoutes(app, opts.ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir ?? resolve(PROJECT_ROOT, 'web/dist');
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
    // Client-side routes fall back to the single page.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` });
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/plain').send('Watchfloor API is running; the web UI is not built (npm run build:web). Try /api/health.'));
  }
  return app;
}
