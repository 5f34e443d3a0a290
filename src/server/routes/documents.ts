import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { WatchfloorError } from '../../errors.js';
import { ingestText } from '../../app/ingest-text.js';
import { ingestUploads, ingestUrl } from '../../app/ingest-remote.js';

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

  app.post<{ Body: { url: string; published?: string; source?: string } }>('/api/documents/from-url', {
    schema: {
      summary: 'Fetch and ingest a web page or an RSS/Atom feed (each item)',
      body: {
        type: 'object', required: ['url'], additionalProperties: false,
        properties: { url: { type: 'string', pattern: '^https?://' }, published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, source: { type: 'string' } },
      },
    },
  }, async (req) => ingestUrl(ctx, req.body.url, req.body));

  app.post<{ Querystring: { published?: string; source?: string } }>('/api/documents/upload', {
    schema: {
      summary: 'Ingest uploaded files (multipart/form-data, any number of files: text, HTML, feeds)',
      querystring: { type: 'object', additionalProperties: false, properties: { published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, source: { type: 'string' } } },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new WatchfloorError('BAD_REQUEST', 'send the files as multipart/form-data');
    const parts = req.files();
    async function* files() {
      for await (const part of parts) yield { filename: part.filename || 'upload', mimetype: part.mimetype, bytes: () => part.toBuffer() };
    }
    const result = await ingestUploads(ctx, files(), req.query);
    return reply.status(result.ingested > 0 ? 201 : 200).send(result);
  });
}
