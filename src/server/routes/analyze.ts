import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { analyzeInput } from '../../app/analyze-text.js';

export async function analyzeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: { text: string; published?: string; title?: string; source?: string; url?: string; format?: 'text' | 'html' } }>('/api/analyze', {
    schema: {
      summary: 'Analyse a text without storing it; returns the analysis contract',
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 20_000_000 }, published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
          title: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' }, format: { type: 'string', enum: ['text', 'html'] },
        },
      },
    },
  }, async (req) => {
    const b = req.body;
    const { analysis } = analyzeInput(await ctx.pipeline(), {
      origin: 'api', bytes: Buffer.from(b.text, 'utf8'), format: b.format ?? 'text', url: b.url ?? null,
      title: b.title ?? null, published: b.published ?? null, source: b.source ?? null,
    });
    return analysis;
  });
}
