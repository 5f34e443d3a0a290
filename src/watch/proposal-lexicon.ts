// The proposer's vocabulary from the knowledge base (event triggers, relation cues) plus the
// watch's own cues (proposal-cues.yaml beside this file).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { EventType } from '../analysis/types.js';
import { WatchfloorError } from '../errors.js';
import { eventTriggers } from '../extract/event-triggers.js';
import { PhraseMatcher } from '../extract/phrase-matcher.js';
import { relationCues } from '../extract/relation-cues.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ProposalCues, ProposalLexicon } from './propose-indicators.js';
import { EVENT_TYPES } from './scenario-yaml.js';

const CUES_FILE = new URL('./proposal-cues.yaml', import.meta.url);

export function readProposalCues(): ProposalCues {
  const raw = parse(readFileSync(CUES_FILE, 'utf8')) as ProposalCues;
  const bad = raw.events?.find((e) => !EVENT_TYPES.includes(e.type)) ?? raw.keywords?.flatMap((k) => k.types).find((t) => !EVENT_TYPES.includes(t));
  if (!Array.isArray(raw.escalation) || !Array.isArray(raw.keywords) || !Array.isArray(raw.events) || bad) {
    throw new WatchfloorError('CONFIG', 'proposal-cues.yaml: needs escalation, keywords and events lists with known event types', { subject: CUES_FILE.pathname });
  }
  return raw;
}

export function proposalLexicon(kb: KnowledgeBase, cues: ProposalCues = readProposalCues()): ProposalLexicon {
  const triggers = eventTriggers(kb);
  const own = new PhraseMatcher<EventType>(cues.events.flatMap((e) => e.words.map((w) => [w, e.type] as const)));
  const relations = relationCues(kb);
  return {
    cues,
    eventWords(text) {
      const found = triggers.matchAll(text).filter((m) => !m.value.generic).map((m) => ({ type: m.value.type, text: m.text, start: m.start }));
      // The watch's own words fill in where the packs' triggers said nothing.
      for (const m of own.matchAll(text)) {
        if (!found.some((f) => f.start < m.end && m.start < f.start + f.text.length)) found.push({ type: m.value, text: m.text, start: m.start });
      }
      return found.sort((a, b) => a.start - b.start);
    },
    relationWords(text) {
      return relations.active.matchAll(text).map((m) => ({ predicate: m.value.predicate, symmetric: m.value.symmetric, text: m.text, start: m.start }));
    },
  };
}
