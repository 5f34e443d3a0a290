import type { FastifyInstance } from 'fastify';
import type { EventType } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import { bboxProp, dayProp, defined, parseBbox, slugProp } from './picture-schemas.js';

export async function placeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { bbox?: string; from?: string; to?: string; type?: EventType } }>('/api/places.geojson', {
    schema: {
      summary: 'GeoJSON FeatureCollection of event places with event counts by type',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { bbox: bboxProp, from: dayProp('from'), to: dayProp('to'), type: slugProp('event type') },
      },
    },
  }, async (req, reply) => {
    const { bbox, ...rest } = req.query;
    const geo = await (await ctx.store()).picture().places(defined({ ...rest, bbox: parseBbox(bbox) }));
    return reply.type('application/geo+json').send(geo);
  });
}
