import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { CORRECTION_KINDS, type CorrectionInput } from '../../store/picture.js';
import { idParam } from './picture-schemas.js';

export async function correctionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { all?: boolean } }>('/api/corrections', {
    schema: {
      summary: 'Analyst corrections, newest first (all=true includes undone ones)',
      querystring: { type: 'object', additionalProperties: false, properties: { all: { type: 'boolean', default: false } } },
    },
  }, async (req) => ({ items: await (await ctx.store()).picture().listCorrections({ includeReverted: req.query.all ?? false }) }));

  app.post<{ Body: CorrectionInput }>('/api/corrections', {
    schema: {
      summary: 'Add a correction: merge-actors {other}, split-alias {alias}, reject-event, edit-event {date?, place?, type?, summary?}, reject-relation, fix-date {date}, fix-place {place}',
      body: {
        type: 'object', required: ['kind', 'target'], additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: [...CORRECTION_KINDS] }, target: { type: 'string', minLength: 1, maxLength: 300 },
          payload: { type: 'object' }, author: { type: 'string', maxLength: 200 }, note: { type: 'string', maxLength: 5000 },
        },
      },
    },
  }, async (req, reply) => reply.status(201).send(await (await ctx.store()).picture().addCorrection(req.body)));

  app.delete<{ Params: { id: string } }>('/api/corrections/:id', {
    schema: { summary: 'Undo a correction (it stays listed with reverted_at set)', params: idParam },
  }, async (req) => (await ctx.store()).picture().undoCorrection(req.params.id));
}
