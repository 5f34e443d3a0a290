// `analyze --explain`: each event as a reader checks it — type, modality and its source, date
// and where the date came from, place, and for every actor the role it holds and the parse
// relation (or word-window rule) that role was read from.
import type { Analysis } from '../analysis/types.js';

export function explainEvents(analysis: Analysis): string {
  const name = (id: string | null) => (id ? analysis.actors.find((a) => a.id === id)?.name ?? id : '-');
  const place = (id: string | null) => (id ? analysis.places.find((p) => p.id === id)?.name ?? id : '-');
  const lines: string[] = [];
  for (const e of analysis.events) {
    const trigger = e.evidence[1]?.text ?? '';
    lines.push(`${e.id} ${e.type} «${trigger}» ${e.modality}${e.source ? ` (source: ${name(e.source)})` : ''}`);
    lines.push(`   date   ${e.date ? `${e.date.start}${e.date.end !== e.date.start ? `..${e.date.end}` : ''} (${e.date.precision}, from ${e.date_source ?? '?'}: "${e.date.text}")` : '-'}`);
    lines.push(`   place  ${place(e.place)}`);
    for (const r of e.roles_via ?? e.actors.map((a) => ({ ...a, via: '?' }))) lines.push(`   ${r.role.padEnd(11)} ${name(r.actor)}  ← ${r.via}`);
    if (e.fatalities) lines.push(`   dead   ${e.fatalities.min}${e.fatalities.max === e.fatalities.min ? '' : `–${e.fatalities.max ?? '?'}`}`);
    lines.push(`   text   ${(e.evidence[0]?.text ?? '').replace(/\s+/g, ' ')}`);
  }
  return lines.join('\n');
}
