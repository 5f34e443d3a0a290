import type { Command } from 'commander';
import type { EventType } from '../../analysis/types.js';
import { WatchfloorError } from '../../errors.js';
import type { BBox, PictureEvent } from '../../store/picture.js';
import { contextOf } from '../global-options.js';

/** "LAT,LON[,KM]" (default 25 km) as a bounding box around the point. */
export function nearToBbox(near: string): BBox {
  const [lat, lon, km = 25] = near.split(',').map(Number) as [number, number, number?];
  if (![lat, lon, km].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || km <= 0) {
    throw new WatchfloorError('BAD_REQUEST', `bad --near ${near}`, { hint: 'use LAT,LON or LAT,LON,KM, e.g. 34.55,38.27,30' });
  }
  const dLat = km / 111;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

export function formatEvent(e: PictureEvent): string {
  const when = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : 'undated';
  const who = e.actors.map((a) => `${a.actor.name} (${a.role})`).join(', ');
  const lines = [`${when}  ${e.type}  ${e.place?.name ?? '-'}  [${e.modality}]  ${e.id}`, `    ${e.summary}`];
  if (who) lines.push(`    actors: ${who}`);
  if (e.fatalities) lines.push(`    fatalities: ${e.fatalities.min}${e.fatalities.max !== null && e.fatalities.max !== e.fatalities.min ? `-${e.fatalities.max}` : ''}`);
  if (e.independent_sources < e.sources.length) lines.push(`    ${e.sources.length} sources, ${e.independent_sources} independent (the rest are near-duplicate copies)`);
  for (const s of e.sources) {
    const copy = s.near_duplicate_of ? ` (copy of ${s.near_duplicate_of})` : '';
    lines.push(`    source: ${s.document}${copy} ${s.published ?? ''} ${s.title ?? ''} — "${s.evidence[0]?.text ?? ''}"`);
  }
  if (e.corrections.length) lines.push(`    corrected by analyst: ${e.corrections.join(', ')}`);
  return lines.join('\n');
}

export function registerEvents(program: Command): void {
  program.command('events')
    .description('events merged across documents (one event, several sources), newest first')
    .option('--actor <id>', 'actor id (see `watchfloor actors`)')
    .option('--type <type>', 'event type (attack, arrest, ...)')
    .option('--from <YYYY-MM-DD>', 'ending on or after')
    .option('--to <YYYY-MM-DD>', 'starting on or before')
    .option('--near <LAT,LON[,KM]>', 'within KM (default 25) of a point')
    .option('--limit <n>', 'how many', '30')
    .option('--json', 'print JSON')
    .action(async (opts: { actor?: string; type?: string; from?: string; to?: string; near?: string; limit: string; json?: boolean }, cmd: Command) => {
      for (const d of [opts.from, opts.to]) {
        if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new WatchfloorError('BAD_REQUEST', `bad date ${d}`, { hint: 'use YYYY-MM-DD' });
      }
      const bbox = opts.near ? nearToBbox(opts.near) : undefined;
      const ctx = contextOf(cmd);
      try {
        const page = await (await ctx.store()).picture().listEvents({
          ...(opts.actor ? { actor: opts.actor } : {}), ...(opts.type ? { type: opts.type as EventType } : {}),
          ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}), ...(bbox ? { bbox } : {}),
          limit: Number(opts.limit),
        });
        if (opts.json) { process.stdout.write(`${JSON.stringify(page, null, 2)}\n`); return; }
        for (const e of page.items) process.stdout.write(`${formatEvent(e)}\n`);
        process.stdout.write(`${page.items.length} of ${page.total} events\n`);
      } finally {
        await ctx.close();
      }
    });
}
