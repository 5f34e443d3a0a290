import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { actorProp, pageProps } from './picture-schemas.js';

export async function quoteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { actor?: string; limit: number; offset: number } }>('/api/quotes', {
    schema: {
      summary: 'Quotes, newest first, optionally by speaker',
      querystring: { type: 'object', additionalProperties: false, properties: { actor: actorProp, ...pageProps } },
    },
  }, async (req) => (await ctx.store()).picture().quotes(req.query));
}
