import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { WatchfloorError } from '../../errors.js';
import { ingestText } from '../../app/ingest-text.js';

const page = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } },
  additionalProperties: false,
} as const;

export async function documentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { limit: number; offset: number } }>('/api/documents', { schema: { summary: 'List documents, newest first', querystring: page } }, async (req) => {
    const store = await ctx.store();
    const [items, total] = await Promise.all([store.listDocuments(req.query), store.countDocuments()]);
    return { items, total, limit: req.query.limit, offset: req.query.offset };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', {
    schema: { summary: 'One document with its cleaned text, removed spans and analysis', params: { type: 'object', properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' } }, required: ['id'] } },
  }, async (req) => {
    const doc = await (await ctx.store()).getDocument(req.params.id);
    if (!doc) throw new WatchfloorError('NOT_FOUND', `no document ${req.params.id}`);
    return doc;
  });

  app.post<{ Body: { text: string; title?: string; published?: string; source?: string; url?: string; format?: 'text' | 'html' } }>('/api/documents', {
    schema: {
      summary: 'Ingest a text or HTML document',
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 20_000_000 }, title: { type: 'string' },
          published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, source: { type: 'string' },
          url: { type: 'string' }, format: { type: 'string', enum: ['text', 'html'] },
        },
      },
    },
  }, async (req, reply) => {
    const result = await ingestText(ctx, req.body);
    return reply.status(result.status === 'duplicate' ? 200 : 201).send(result);
  });
}
