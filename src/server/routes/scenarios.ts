import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { pageProps } from './picture-schemas.js';

export async function scenarioRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { limit: number; offset: number } }>('/api/scenarios', {
    schema: {
      summary: 'Scenarios found in documents, with their actors',
      querystring: { type: 'object', additionalProperties: false, properties: { ...pageProps } },
    },
  }, async (req) => (await ctx.store()).picture().scenarios(req.query));
}
