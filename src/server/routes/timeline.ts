import type { FastifyInstance } from 'fastify';
import type { EventType } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import type { Bucket } from '../../store/picture.js';
import { actorProp, dayProp, slugProp } from './picture-schemas.js';

export async function timelineRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { actor?: string; type?: EventType; from?: string; to?: string; bucket: Bucket; limit?: number } }>('/api/timeline', {
    schema: {
      summary: 'Event counts per day/month/year (by type) and the events, oldest first',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          actor: actorProp, type: slugProp('event type'), from: dayProp('from'), to: dayProp('to'),
          bucket: { type: 'string', enum: ['day', 'month', 'year'], default: 'month' },
          limit: { type: 'integer', minimum: 0, maximum: 10_000, description: 'most events listed (buckets count all)' },
        },
      },
    },
  }, async (req) => (await ctx.store()).picture().timeline(req.query));
}
