import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';

export async function searchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { q: string; limit: number; offset: number } }>('/api/search', {
    schema: {
      summary: 'Full-text search, ranked, with snippets (matches wrapped in <mark>)',
      querystring: {
        type: 'object', required: ['q'], additionalProperties: false,
        properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 }, offset: { type: 'integer', minimum: 0, default: 0 } },
      },
    },
  }, async (req) => {
    const store = await ctx.store();
    const items = await store.search(req.query.q, { limit: req.query.limit, offset: req.query.offset, mark: ['<mark>', '</mark>'] });
    return { items, query: req.query.q };
  });
}
