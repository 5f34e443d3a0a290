import type { FastifyInstance } from 'fastify';
import type { ActorKind } from '../../analysis/types.js';
import type { AppContext } from '../../app/app-context.js';
import { WatchfloorError } from '../../errors.js';
import { idParam, pageProps, slugProp } from './picture-schemas.js';

type Affiliation = { predicate: string; object: { id: string; name: string }; start: string | null; end: string | null; note?: string };

export async function actorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { q?: string; kind?: ActorKind; limit: number; offset: number } }>('/api/actors', {
    schema: {
      summary: 'Actors merged across documents, most mentioned first',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { q: { type: 'string', maxLength: 200 }, kind: slugProp('actor kind'), ...pageProps },
      },
    },
  }, async (req) => (await ctx.store()).picture().listActors(req.query));

  app.get<{ Params: { id: string } }>('/api/actors/:id', {
    schema: { summary: 'Actor profile: aliases, pack description and affiliations, events, relations, quotes, documents', params: idParam },
  }, async (req) => {
    const profile = await (await ctx.store()).picture().actorProfile(req.params.id);
    if (!profile) throw new WatchfloorError('NOT_FOUND', `no actor ${req.params.id}`, { hint: 'list actors with GET /api/actors' });
    let description: string | null = null;
    let affiliations: Affiliation[] = [];
    if (profile.kb_id) {
      // Description and affiliations are pack knowledge, not stored: read them from the pack.
      const kb = await ctx.kb();
      const pack = kb.actors.get(profile.kb_id);
      description = pack?.description ?? null;
      affiliations = (pack?.affiliations ?? []).map((a) => ({
        predicate: a.predicate,
        object: { id: `kb:${a.object}`, name: kb.actors.get(a.object)?.name ?? a.object },
        start: a.start ?? null, end: a.end ?? null, ...(a.note ? { note: a.note } : {}),
      }));
    }
    // The inline lists are the latest few; links page through the rest (totals say how many).
    const a = encodeURIComponent(profile.id);
    const links = {
      events: `/api/events?actor=${a}`, relations: `/api/relations?actor=${a}`,
      quotes: `/api/quotes?actor=${a}`, documents: `/api/actors/${a}/documents`,
    };
    return { ...profile, description, affiliations, links };
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>('/api/actors/:id/documents', {
    schema: {
      summary: 'Documents mentioning an actor (and actors merged into it), newest first',
      params: idParam,
      querystring: { type: 'object', additionalProperties: false, properties: { ...pageProps } },
    },
  }, async (req) => {
    const page = await (await ctx.store()).picture().actorDocuments(req.params.id, req.query);
    if (!page) throw new WatchfloorError('NOT_FOUND', `no actor ${req.params.id}`, { hint: 'list actors with GET /api/actors' });
    return page;
  });
}
