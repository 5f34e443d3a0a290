// The scenario board and the warnings feed: GET /api/scenarios/board, GET /api/warnings?since,
// POST /api/warnings/:id/ack. The board first brings the watch up to date with the store.
// `history=true` (board) also reads every stored record, to add monthly counts per indicator
// (a full scan); `records=true` (feed) describes just the records the listed warnings cite.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.js';
import { describeRecords, recordIndex, scenarioBoard } from '../../watch/scenario-board.js';
import { openWatch, openWatchStore } from '../../watch/watch-context.js';
import { runWatch } from '../../watch/watch-runner.js';

export async function warningRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { history?: boolean } }>('/api/scenarios/board', {
    schema: {
      summary: 'Every watched scenario with the current state of its indicators',
      querystring: { type: 'object', additionalProperties: false, properties: { history: { type: 'boolean', description: 'add monthly counts and evidence records per indicator' } } },
    },
  }, async (req) => {
    const watch = await openWatch(ctx);
    try {
      const run = await runWatch(watch.scenarios, watch.store, watch.store);
      return scenarioBoard(run.state, req.query.history === true ? await watch.store.allRecords() : undefined);
    } finally {
      watch.close();
    }
  });

  app.get<{ Querystring: { since: number; limit: number; unacked?: boolean; records?: boolean } }>('/api/warnings', {
    schema: {
      summary: 'Warnings after a feed position (seq), oldest first; poll with the last seq seen',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { since: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, unacked: { type: 'boolean' }, records: { type: 'boolean' } },
      },
    },
  }, async (req) => {
    const store = await openWatchStore(ctx);
    try {
      const items = await store.listWarnings({ since: req.query.since, limit: req.query.limit, unacked: req.query.unacked === true });
      const next = items.at(-1)?.seq ?? req.query.since;
      if (req.query.records !== true) return { items, next };
      const ids = [...new Set(items.flatMap((w) => [...w.evidence, ...w.moved_by]))];
      const records = Object.fromEntries(describeRecords(recordIndex(await store.records(ids)), ids).map((r) => [r.id, r]));
      return { items, next, records };
    } finally {
      store.close();
    }
  });

  app.post<{ Params: { id: string }; Body: { by?: string } | undefined }>('/api/warnings/:id/ack', {
    schema: {
      summary: 'Acknowledge a warning (idempotent: the first acknowledgement is kept)',
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^w:[0-9a-f]{16}$' } }, required: ['id'] },
      body: { type: ['object', 'null'], properties: { by: { type: 'string', maxLength: 200 } }, additionalProperties: false },
    },
  }, async (req) => {
    const store = await openWatchStore(ctx);
    try {
      return await store.ackWarning(req.params.id, req.body?.by ?? null);
    } finally {
      store.close();
    }
  });
}
