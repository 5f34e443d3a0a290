// Every route module registers itself here; one concern per file.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { healthRoutes } from './health.js';
import { documentRoutes } from './documents.js';
import { searchRoutes } from './search.js';
import { analyzeRoutes } from './analyze.js';
import { warningRoutes } from './warnings.js';
import { actorRoutes } from './actors.js';
import { eventRoutes } from './events.js';
import { relationRoutes } from './relations.js';
import { networkRoutes } from './network.js';
import { timelineRoutes } from './timeline.js';
import { placeRoutes } from './places.js';
import { quoteRoutes } from './quotes.js';
import { scenarioRoutes } from './scenarios.js';
import { correctionRoutes } from './corrections.js';

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [
    healthRoutes, documentRoutes, searchRoutes, analyzeRoutes, actorRoutes, eventRoutes, relationRoutes,
    networkRoutes, timelineRoutes, placeRoutes, quoteRoutes, scenarioRoutes, correctionRoutes, warningRoutes,
  ]) await routes(app, ctx);
}
