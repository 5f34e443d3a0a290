import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', { schema: { summary: 'Liveness and store size' } }, async () => {
    const store = await ctx.store();
    return { ok: true, documents: await store.countDocuments(), dataDir: ctx.dataDir };
  });
}
