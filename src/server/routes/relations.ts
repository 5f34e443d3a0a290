import type { FastifyInstance } from 'fastify';
import type { Modality, Predicate } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import { actorProp, pageProps, slugProp } from './picture-schemas.js';

export async function relationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { actor?: string; predicate?: Predicate; modality?: Modality; limit: number; offset: number } }>('/api/relations', {
    schema: {
      summary: 'Relations between actors with their evidence, best supported first',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { actor: actorProp, predicate: slugProp('predicate'), modality: slugProp('modality'), ...pageProps },
      },
    },
  }, async (req) => (await ctx.store()).picture().listRelations(req.query));
}
