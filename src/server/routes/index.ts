// Every route module registers itself here; one concern per file.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { healthRoutes } from './health.js';
import { documentRoutes } from './documents.js';
import { searchRoutes } from './search.js';
import { analyzeRoutes } from './analyze.js';

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [healthRoutes, documentRoutes, searchRoutes, analyzeRoutes]) await routes(app, ctx);
}
