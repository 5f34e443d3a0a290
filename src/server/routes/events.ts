import type { FastifyInstance } from 'fastify';
import type { EventType, Modality } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import { actorProp, bboxProp, dayProp, defined, pageProps, parseBbox, slugProp } from './picture-schemas.js';

type Query = { actor?: string; type?: EventType; from?: string; to?: string; bbox?: string; modality?: Modality; limit: number; offset: number };

export async function eventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Query }>('/api/events', {
    schema: {
      summary: 'Events merged across documents, newest first, each with its sources',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          actor: actorProp, type: slugProp('event type'), from: dayProp('events ending on or after'),
          to: dayProp('events starting on or before'), bbox: bboxProp, modality: slugProp('modality'), ...pageProps,
        },
      },
    },
  }, async (req) => {
    const { bbox, ...rest } = req.query;
    return (await ctx.store()).picture().listEvents(defined({ ...rest, bbox: parseBbox(bbox) }));
  });
}
