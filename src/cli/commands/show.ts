import type { Command } from 'commander';
import { WatchfloorError } from '../../errors.js';
import { contextOf } from '../global-options.js';

export function registerShow(program: Command): void {
  program.command('show')
    .description('show one stored document: metadata, what cleaning removed, the cleaned text and its analysis summary')
    .argument('<id>', 'document id (see `watchfloor docs`)')
    .option('--json', 'print the stored document and analysis as JSON')
    .option('--raw', 'print the text before cleaning instead')
    .action(async (id: string, opts: { json?: boolean; raw?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const store = await ctx.store();
      try {
        const doc = await store.getDocument(id);
        if (!doc) throw new WatchfloorError('NOT_FOUND', `no document ${id}`, { hint: 'list ids with `watchfloor docs`' });
        if (opts.json) { process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`); return; }
        const w = (s: string) => process.stdout.write(`${s}\n`);
        w(`id:        ${doc.id}`);
        w(`title:     ${doc.title ?? '-'}`);
        w(`published: ${doc.published ?? '-'}`);
        w(`source:    ${doc.source ?? '-'}`);
        w(`url:       ${doc.url ?? '-'}`);
        w(`language:  ${doc.language}`);
        w(`origin:    ${doc.origin}`);
        if (doc.nearDuplicateOf) w(`copy of:   ${doc.nearDuplicateOf}`);
        w(`removed:   ${doc.removed.length} stretch(es) kept aside`);
        for (const r of doc.removed) w(`  - [${r.reason}] ${JSON.stringify(r.text.length > 90 ? `${r.text.slice(0, 87)}...` : r.text)}`);
        const a = doc.analysis;
        if (a) {
          w(`analysis:  ${a.actors.length} actors, ${a.places.length} places, ${a.times.length} times, ${a.events.length} events, ${a.relations.length} relations, ${a.quotes.length} quotes, ${a.scenarios.length} scenarios, ${a.assessments.length} assessments, ${a.statistics.length} statistics`);
          if (a.actors.length) w(`  actors: ${a.actors.map((x) => x.name).join('; ')}`);
          if (a.places.length) w(`  places: ${a.places.map((x) => x.name).join('; ')}`);
        }
        w('');
        w(opts.raw ? doc.rawText : doc.text);
      } finally {
        await ctx.close();
      }
    });
}
