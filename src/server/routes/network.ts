import type { FastifyInstance } from 'fastify';
import type { Modality, Predicate } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import { WatchfloorError } from '../../errors.js';
import { dayProp, defined, slugProp } from './picture-schemas.js';

type Query = { actors?: string; asOf?: string; from?: string; to?: string; predicate?: Predicate; modality?: Modality };

export async function networkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Query }>('/api/network', {
    schema: {
      summary: 'Actor network: nodes and relation edges, optionally as of a date',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          actors: { type: 'string', maxLength: 20_000, description: 'comma-separated actor ids' },
          asOf: dayProp('relations valid on that day'), from: dayProp('valid on or after'), to: dayProp('valid on or before'),
          predicate: slugProp('predicate'), modality: slugProp('modality'),
        },
      },
    },
  }, async (req) => {
    const { actors, ...rest } = req.query;
    const ids = actors?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (ids && ids.length > 500) throw new WatchfloorError('BAD_REQUEST', 'at most 500 actors');
    return (await ctx.store()).picture().network(defined({ ...rest, actors: ids }));
  });
}
