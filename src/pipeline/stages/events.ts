// The `events` layer: who did what to whom, when, where, how many died, and how sure the text
// is. Each trigger word (event-triggers.yaml) in a sentence yields an event; its clause gives
// the actors and their roles, the sentence the place, date and fatalities. Repeated mentions of
// one happening are merged.
import type { ActorKind, EventOut, Modality, QuoteOut, Role, Span, When } from '../../analysis/types.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { Stage } from '../stage.js';
import { indexDocument, isQuoted, quotationAt, type ActorRef, type DocIndex, type SentenceInfo } from '../../extract/sentence-index.js';
import { eventTriggers, type Trigger } from '../../extract/event-triggers.js';
import { findEventAnaphors, type AnaphorMatch } from '../../extract/event-anaphors.js';
import { isAttributive, isPlural, otherSenseOfMeet, usedAsNoun, verbUsedAsNoun } from '../../extract/event-word-use.js';
import { acledFor, typeInfo } from '../../extract/event-taxonomy.js';
import { clauseAt } from '../../extract/clauses.js';
import { agentAfter, inPrepositionalPhrase, isCompoundModifier, isPassive, namesOnlyAPlace, objectAfter, passerByAfter, possessorBefore, subjectBefore, sufferedBefore } from '../../extract/clause-actors.js';
import { readStringList } from '../../knowledge/lexicon-shapes.js';
import { FIELD_FAMILIES, padDate, parentForces, theatreCoalitions } from '../../actors/parent-forces.js';
import { governedModality, MODALITY_ORDER, modalityAt, modalityCues } from '../../extract/modality.js';
import { coordinatedGroup, eventDate } from '../../extract/event-date.js';
import { eventPlaces, placeRank } from '../../extract/event-place.js';
import { findFatalities, type Fatalities } from '../../extract/fatalities.js';
import { parseFatalities } from '../../extract/parse-fatalities.js';
import { statisticCues } from '../../extract/statistic-cues.js';
import { relationCues } from '../../extract/relation-cues.js';
import type { PhraseMatch } from '../../extract/phrase-matcher.js';
import { phrasePattern } from '../../text/regexp-source.js';
import { readEventFrame, type EventFrame, type SupportVerbs } from '../../extract/event-frame.js';
import { isLocativeMention } from '../../actors/locative-states.js';
import type { ParsedSentence } from '../../syntax/types.js';

/** An event before ids are given, with what merging needs. */
type Draft = Omit<EventOut, 'id' | 'actors'> & { actors: Held[] } & { sentence: number; paragraph: number; family: string; ownDate: boolean };

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Actor mentions a trigger carries itself: one inside the trigger ("protested" evoking
 * protesters, "protesters gathered") or one the trigger is the head noun of ("Israeli
 * airstrikes", "a Turkish column"). Such an actor is the event's agent.
 */
function evokedBy(s: SentenceInfo, start: number, end: number): ActorRef[] {
  return s.actors.filter((a) => (a.start >= start && a.end <= end) || (a.end === end && a.start < start));
}

/** A trigger inside a name ("Operation Peace Spring", "Attack Helicopter Squadron") is no event. */
function overlapsMention(s: SentenceInfo, start: number, end: number): boolean {
  const hit = (r: { start: number; end: number }) => r.start < end && start < r.end;
  const evoked = evokedBy(s, start, end);
  return s.actors.some((a) => hit(a) && !evoked.includes(a)) || s.places.some(hit) || s.times.some(hit);
}

const PRO_BEFORE = /\b(?:pro|anti)[-‐‑]$/i;
/** Only locative phrases count here: a state owning a place ("Syria's north") may still act in the clause. */
const NO_PLACE_NOUNS: ReadonlySet<string> = new Set();

/**
 * Actor mentions that take part in events: not a name modifying a noun ("Turkey backed
 * faction"), not a state named only as a location ("in Dahuk, Northern Iraq").
 */
function participants(text: string, s: SentenceInfo, located?: (a: ActorRef) => boolean): SentenceInfo {
  const keep = s.actors.filter((a) => {
    // "pro-Iran militias", "Turkey backed factions", "in Dahuk, Northern Iraq"...
    const before = text.slice(Math.max(s.start, a.start - 24), a.start);
    return !isCompoundModifier(text, a) && !PRO_BEFORE.test(before) && !namesOnlyAPlace(text, s, a)
      // "clashes continue in northern Syria": the parse puts the state in a locative phrase.
      && !(a.kind === 'state' && located?.(a));
  });
  return keep.length === s.actors.length ? s : { ...s, actors: keep };
}

/** Is the event noun the subject or object of a verb ("launched strikes", "strikes hit")? */
function isVerbArgument(frame: EventFrame): boolean {
  return frame.predicate.deprel === 'obj' || frame.predicate.deprel === 'nsubj' || frame.predicate.deprel === 'nsubj:pass';
}

/** Actor kinds that fight: violence against them is coded as battle, not as violence against civilians. */
const ARMED: ReadonlySet<ActorKind> = new Set(['armed-group', 'militia', 'state-force', 'coalition']);

const combatantCache = new WeakMap<KnowledgeBase, RegExp>();

/** "assassinated a colonel in ...", "captured two rebels": the words after the trigger name a combatant. */
function namesCombatant(kb: KnowledgeBase, text: string, from: number, to: number, limit: number): boolean {
  let re = combatantCache.get(kb);
  if (!re) {
    const raw = kb.lexicons.get('combatant-nouns');
    const words = Array.isArray(raw) ? raw.filter((w): w is string => typeof w === 'string') : [];
    const alt = words.sort((a, b) => b.length - a.length).map((w) => phrasePattern(w)).join('|');
    re = new RegExp(`^[^,;.]{0,40}?\\b(?:${alt || '(?!)'})\\b`, 'iu');
    combatantCache.set(kb, re);
  }
  return re.test(text.slice(from, Math.min(limit, Math.max(to, from + 40))));
}

const supportVerbsCache = new WeakMap<KnowledgeBase, SupportVerbs>();

/** Verbs whose object is an event noun: whose subject carries it out ("launched an attack") or undergoes it ("suffered an attack", "came under fire"). */
function supportVerbs(kb: KnowledgeBase): SupportVerbs {
  let v = supportVerbsCache.get(kb);
  if (!v) {
    const raw = kb.lexicons.get('support-verbs');
    const list = (k: string) => new Set(readStringList(new Map([[k, (raw as Record<string, unknown> | undefined)?.[k]]]), k).map((w) => w.toLowerCase()));
    v = { agent: list('agent'), patient: list('patient'), under: list('under_verbs') };
    supportVerbsCache.set(kb, v);
  }
  return v;
}

const memberNounsCache = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Nouns for an actor's people and units ("fighters", "convoy"): "IS fighters" is IS, "a civilian vehicle" is not civilians. */
function memberNouns(kb: KnowledgeBase): ReadonlySet<string> {
  let set = memberNounsCache.get(kb);
  if (!set) {
    set = new Set([...readStringList(kb.lexicons, 'combatant-nouns'), ...readStringList(kb.lexicons, 'military-nouns')].map((w) => w.toLowerCase()));
    memberNounsCache.set(kb, set);
  }
  return set;
}

/** A speech verb closing its sentence after a comma: ", two officials said (on Wednesday)." */
const ATTRIBUTION_BEFORE = /,\s*[^,;]{0,60}$/u;
const ATTRIBUTION_AFTER = /^[^,;:]{0,40}$/u;

const PASSIVE_BETWEEN = /\b(?:was|were|been|being)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn)\b/u;

const SINGULAR_OBJECT = /^\s+(?:a|an|one|the|his|her|its|their)\s+(?!\S+s\b)/i;

const AGENT_ROLES: ReadonlySet<Role> = new Set(['perpetrator', 'participant', 'speaker', 'facilitator', 'claimant']);

/** An actor's role in an event, with the path it was read from (parse relation or word window), for `--explain`. */
type Held = { actor: string; role: Role; via?: string };

function addRole(out: Held[], refs: ActorRef[], role: Role, via?: string | ((r: ActorRef) => string)): void {
  for (const r of refs) {
    if (!out.some((x) => x.actor === r.actor && x.role === role)) out.push({ actor: r.actor, role, via: typeof via === 'function' ? via(r) : via });
  }
}

/**
 * In the field a state force's unit acts for the force it is part of on that day ("a convoy of
 * the 5th Corps" is the army's), and a force serving in a coalition for the coalition when the
 * event lies in its theatre (`country`, of the event's place): the parent takes the unit's
 * role, when the actors stage has it.
 */
function rollUpUnits(kb: KnowledgeBase, idx: DocIndex, actors: { actor: string; role: Role }[], day: string | null, country: string | null): void {
  for (const { actor, role } of [...actors]) {
    const kbId = idx.actors.get(actor)?.kb_id;
    if (!kbId) continue;
    const coalitions = country ? theatreCoalitions(kb, kbId, day, new Set([country])) : [];
    for (const parent of [...parentForces(kb, kbId, day), ...coalitions]) {
      const out = [...idx.actors.values()].find((a) => a.kb_id === parent.id);
      if (out && !actors.some((x) => x.actor === out.id && x.role === role)) actors.push({ actor: out.id, role, via: `unit rolled up to ${parent.id}` } as Held);
    }
  }
}

function names(idx: DocIndex, ids: string[]): string {
  return [...new Set(ids)].map((id) => idx.actors.get(id)?.name ?? id).join(', ');
}

function kindsOf(idx: DocIndex, actors: { actor: string; role: Role }[], roles: Role[]): ActorKind[] {
  return actors.filter((a) => roles.includes(a.role)).map((a) => idx.actors.get(a.actor)?.kind).filter((k): k is ActorKind => !!k);
}

function summarize(idx: DocIndex, type: string, actors: { actor: string; role: Role }[], place: string | null, date: When | null): string {
  const agents = actors.filter((a) => ['perpetrator', 'participant', 'speaker', 'facilitator', 'claimant'].includes(a.role)).map((a) => a.actor);
  const others = actors.filter((a) => !agents.includes(a.actor)).map((a) => a.actor);
  const parts = [agents.length ? names(idx, agents) : 'unknown actor', type];
  if (others.length) parts.push(`→ ${names(idx, others)}`);
  if (place) parts.push(`in ${idx.places.get(place)?.name ?? place}`);
  if (date && date.precision !== 'range') parts.push(`(${date.start.slice(0, date.precision === 'year' ? 4 : date.precision === 'month' ? 7 : 10)})`);
  return parts.join(' ');
}

/**
 * Drafts for the triggers of one sentence. `told`: the earlier event the sentence's subject
 * refers back to ("The speech ..."), whose date its events share. `just`: the events of the
 * sentence before, in the same paragraph.
 */
function draftsFor(kb: KnowledgeBase, idx: DocIndex, s: SentenceInfo, triggers: PhraseMatch<Trigger>[], published: string | null, told: Draft | null,
  just: Draft[] = [], syntax?: readonly ParsedSentence[], quotes?: readonly QuoteOut[]): Draft[] {
  const text = idx.text;
  const cues = modalityCues(kb);
  const titleWords = relationCues(kb).titleWords;
  const members = memberNouns(kb);
  const out: Draft[] = [];
  const specificViolence = triggers.some((t) => !t.value.generic && typeInfo(kb, t.value.type).family === 'violence');
  // "protested against the arrest of ...": what follows a grievance trigger is its subject
  // matter. A violent verb after it can still be an event ("police fired on the crowd").
  const grievance = triggers.find((t) => t.value.grievance);
  // "..., killing four soldiers, two officials said": the closing speech verb says who reports
  // the sentence's events; it is no statement event of its own.
  const attribution = triggers.find((t) => t.value.pos === 'verb' && typeInfo(kb, t.value.type).family === 'statement'
    && ATTRIBUTION_BEFORE.test(text.slice(s.start, t.start)) && ATTRIBUTION_AFTER.test(text.slice(t.end, s.end))
    && triggers.some((o) => o.end <= t.start && typeInfo(kb, o.value.type).family !== 'statement'));
  let fatalities: Fatalities | null | undefined;
  for (const t of triggers) {
    if (t === attribution) continue;
    const trig = t.value;
    if (trig.generic && specificViolence) continue;
    let info = typeInfo(kb, trig.type);
    if (grievance && t.start > grievance.start && t.value.type !== grievance.value.type
      && !(t.value.pos === 'verb' && info.family === 'violence')) continue;
    const clause = clauseAt(text, s, t.start, t.end);
    const mod = modalityAt(cues, text, s, clause, t.start, t.end);

    // Actors and roles from the clause.
    const opts = { titleWords };
    // "after his meeting with X": the owner of a meeting or a statement is its agent.
    const owner = info.symmetric || info.roles.subject === 'speaker' ? possessorBefore(s, text, t.start) : null;
    // A name inside a quotation the trigger is not in is no argument of it ("'... Israeli forces
    // struck ...,' the ministry stated").
    const ownQuote = quotationAt(idx, t.start, t.end);
    const sameQuote = (a: ActorRef) => quotationAt(idx, a.start, a.end) === ownQuote;
    const subject = owner ? [owner] : subjectBefore(s, text, clause, t.start, { ...opts, memberNouns: members }).filter((a) => (a.end <= t.start || a.start >= t.end) && sameQuote(a));
    const agent = agentAfter(s, text, clause, t.end, opts).filter(sameQuote);
    const passive = trig.pos === 'verb' && isPassive(text, t.start, clause.start);
    // A news outlet named in the clause reports ("witnesses told Reuters that the raids ..."); in
    // the field it neither strikes nor is struck. Only the window reading needs telling.
    if (FIELD_FAMILIES.has(info.family)) {
      for (const list of [subject, agent]) for (let i = list.length - 1; i >= 0; i--) if (list[i]!.kind === 'media') list.splice(i, 1);
    }
    const taken = new Set([...subject, ...agent].map((a) => a.actor));
    const object = objectAfter(s, text, clause, t.end, { titleWords, exclude: taken }).filter((a) => !agent.includes(a) && sameQuote(a));
    // The parse, where it names the trigger's arguments with known actors in them, says who
    // acts and who undergoes; the word-window reading above is the fallback.
    const parsed = syntax?.[s.index];
    const frame = parsed ? readEventFrame(parsed, s, idx.sentences[s.index - 1] ?? null, t.start, t.end, { patientCases: info.patientCases, supportVerbs: supportVerbs(kb), recipientCases: info.recipientCases, ofAgent: info.ofAgent }) : null;
    const byParse = !!frame && !owner && frame.agents.length + frame.patients.length > 0;
    let type = trig.type;
    // "assassinated a commander", "captured 2 rebels": an armed victim makes it a battle-type event.
    const victims = byParse ? frame.patients : passive ? subject : object;
    if (trig.armedTargetType && (victims.some((a) => ARMED.has(a.kind)) || namesCombatant(kb, text, t.end, victims[0]?.start ?? t.end + 40, s.end))) {
      type = trig.armedTargetType;
      info = typeInfo(kb, type);
    }
    const actors: Held[] = [];
    // The trigger word that is itself an actor mention ("protested" → protesters) is an agent.
    const evoked = evokedBy(s, t.start, t.end);
    let source: string | null = null;
    const parsePath = (side: 'agent' | 'patient') => (r: ActorRef) => `parse: ${frame?.paths.find((p) => p.actor === r.actor && p.side === side)?.via ?? side} of "${frame?.predicate.text}"`;
    if (byParse && info.symmetric) {
      addRole(actors, frame.agents, info.roles.subject, parsePath('agent'));
      addRole(actors, frame.patients, info.roles.subject, parsePath('patient'));
    } else if (byParse) {
      // A role the parse left empty is filled from the word-window reading, when that actor has
      // no other role in the parse ("On 8 May, TMF in cooperation with X killed ...": a fronted
      // date the parser misattaches).
      const placed = new Set([...frame.agents, ...frame.patients, ...frame.recipients].map((a) => a.actor));
      const windowAgents = passive ? agent : trig.pos === 'noun' && agent.length ? agent : subject;
      const windowPatients = passive ? subject : object;
      // A window group that holds the parse's own agent extends it (a list the parser split:
      // "regime and pro-regime militia forces looted", "X, operating under Y, shelled").
      const extend = (parseSide: ActorRef[], windowSide: ActorRef[], other: ActorRef[]) =>
        windowSide.some((w) => parseSide.some((p) => p.actor === w.actor)) ? windowSide.filter((w) => !other.some((o) => o.actor === w.actor)) : [];
      if (frame.agents.length) {
        addRole(actors, frame.agents, info.roles.subject, parsePath('agent'));
        addRole(actors, extend(frame.agents, windowAgents, frame.patients), info.roles.subject, 'word window: the group the parse agent is listed in');
      } else addRole(actors, windowAgents.filter((a) => !placed.has(a.actor)), info.roles.subject, 'word window (parse named no agent)');
      if (frame.patients.length) {
        addRole(actors, frame.patients, info.roles.object, parsePath('patient'));
        addRole(actors, extend(frame.patients, windowPatients, frame.agents).filter((a) => !actors.some((x) => x.actor === a.actor)), info.roles.object, 'word window: the group the parse patient is listed in');
      } else {
        // A patient phrase with no known actor of its own: a window name inside that phrase's
        // subtree ("85 targets used by Iran-backed militias"), never one outside it ("in Syria").
        const inPhrase = (a: ActorRef) => !frame.hasPatientPhrase || frame.patientSpans.some((p) => a.start >= p.start && a.end <= p.end);
        addRole(actors, windowPatients.filter((a) => inPhrase(a) && !placed.has(a.actor) && !actors.some((x) => x.actor === a.actor)), info.roles.object, 'word window (parse named no patient)');
      }
    } else if (info.symmetric) {
      addRole(actors, [...subject, ...agent, ...object], info.roles.subject, 'word window: actors of the clause');
    } else if (passive) {
      addRole(actors, agent, info.roles.subject, 'word window: by-agent of a passive');
      addRole(actors, subject, info.roles.object, 'word window: subject of a passive');
      // "were arrested and taken to X's branch", "was killed in clashes with X": after a passive
      // verb a name in a prepositional phrase is no one it was done to.
      addRole(actors, object.filter((a) => !inPrepositionalPhrase(text, a, t.end)), info.roles.object, 'word window: object of a passive');
    } else if (trig.pos === 'noun' && subject.length && PASSIVE_BETWEEN.test(text.slice(subject.at(-1)!.end, t.start))) {
      // "two civilians were killed in indiscriminate shooting": the subject suffered it.
      addRole(actors, agent, info.roles.subject, 'word window: by-agent');
      addRole(actors, subject, info.roles.object, 'word window: subject of "was/were ..."');
      addRole(actors, object, info.roles.object, 'word window: object');
    } else {
      addRole(actors, agent.length && trig.pos === 'noun' ? agent : subject, info.roles.subject, 'word window: subject before the trigger');
      if (agent.length && trig.pos === 'noun') addRole(actors, subject.filter((a) => !agent.includes(a)), info.roles.subject, 'word window: subject before the trigger');
      addRole(actors, object, info.roles.object, 'word window: object after the trigger');
    }
    addRole(actors, evoked, info.roles.subject, 'the trigger names the actor');
    if (frame) addRole(actors, frame.recipients.filter((r) => !actors.some((a) => a.actor === r.actor)), 'beneficiary', (r) => `parse: ${frame.paths.find((p) => p.actor === r.actor && p.side === 'recipient')?.via ?? 'recipient'} of "${frame.predicate.text}"`);
    // A blast that hit whoever passed by ("... when QSD passed by it"), or one named as what
    // killed someone ("a commander was killed when an IED exploded"): the target outside the clause.
    if (info.family === 'violence' && !info.symmetric && !actors.some((a) => a.role === info.roles.object)) {
      const outside = [...passerByAfter(s, text, clause), ...sufferedBefore(s, text, clause)];
      addRole(actors, outside.filter((a) => !actors.some((x) => x.actor === a.actor)), info.roles.object, 'word window: who passed by / who suffered');
    }
    // "X raided the village. Ten men were arrested.": a passive report with no agent, in a
    // sentence dating nothing itself, goes on with the field event just told, by its agents.
    if (passive && !agent.length && !info.symmetric && FIELD_FAMILIES.has(info.family) && !s.times.length) {
      // Only from something that happened: not from "suspended operations" or a plan.
      const host = just.filter((d) => FIELD_FAMILIES.has(d.family) && ['asserted', 'reported', 'claimed'].includes(d.modality)).at(-1);
      const agents = host?.actors.filter((a) => AGENT_ROLES.has(a.role)) ?? [];
      if (!agents.some((g) => actors.some((a) => a.actor === g.actor))) for (const g of agents) actors.push({ actor: g.actor, role: info.roles.subject, via: 'agent of the field event just told' });
    }
    let modality: Modality = mod.modality;
    // An appeal told in the clause ("a call to ... and issued an appeal to join") makes what is
    // urged hypothetical, not the speech acts around it.
    if (modality === 'hypothetical' && info.family === 'statement' && mod.cue?.value.every((c) => c.scope === 'clause')) modality = 'asserted';
    if (attribution && attribution.start > t.end && modality === 'asserted') {
      modality = 'reported';
      const speaker = subjectBefore(s, text, clauseAt(text, s, attribution.start, attribution.end), attribution.start, opts)[0];
      if (speaker && !actors.some((a) => a.actor === speaker.actor)) source = speaker.actor;
    }
    if (mod.cue && (modality === 'claimed' || modality === 'reported')) {
      const cueClause = clauseAt(text, s, mod.cue.start, mod.cue.end);
      const claimer = modality === 'claimed'
        ? subjectBefore(s, text, cueClause, mod.cue.start, opts)
        // "according to the SDF": the source right after the cue (objectAfter leaves sources out).
        : s.actors.filter((a) => a.start >= mod.cue!.end && a.end <= cueClause.end && /^\s*(?:the\s+)?$/i.test(text.slice(mod.cue!.end, a.start))).slice(0, 1);
      if (claimer.length) {
        source = claimer[0]!.actor;
        if (modality === 'claimed') {
          addRole(actors, claimer, 'claimant', 'subject of the claim');
          if (!actors.some((a) => a.role === info.roles.subject)) addRole(actors, claimer, info.roles.subject, 'subject of the claim');
        }
      }
    }
    // The parse: a negated predicate, or one governed by a predicate that prevents, plans,
    // claims or reports it ("prevented a bombing", "vowed to attack", "the SDF said IS attacked").
    if (frame && !isQuoted(idx, t.start, t.end)) {
      const rank = (m: Modality) => MODALITY_ORDER.indexOf(m) < 0 ? MODALITY_ORDER.length : MODALITY_ORDER.indexOf(m);
      const gov = info.family === 'statement' ? null : governedModality(cues, frame.governors);
      if (frame.negated && rank('negated') < rank(modality)) modality = 'negated';
      else if (gov && rank(gov.modality) < rank(modality)) {
        modality = gov.modality;
        if (gov.source) source = gov.source;
        // "The SDF said it had captured the village": a party telling its own act claims it.
        if (modality === 'reported' && gov.source && actors.some((a) => a.actor === gov.source && AGENT_ROLES.has(a.role))) modality = 'claimed';
        // "The ministry claims its air forces neutralized two militants": who claims the act is its claimant.
        if (modality === 'claimed' && gov.source && !actors.some((a) => a.actor === gov.source && a.role === 'claimant')) {
          const ref = s.actors.find((r) => r.actor === gov.source);
          if (ref) addRole(actors, [ref], 'claimant', `subject of "${gov.governor}"`);
        }
      } else if (gov?.source && !source && (modality === 'reported' || modality === 'claimed')) source = gov.source;
      // "prevented a bombing", "foiled an attack": the act is a foiled plot, by its plotters.
      if (gov?.modality === 'foiled' && modality === 'foiled' && (info.family === 'violence' || type === 'prison-break')) {
        type = 'plot-foiled';
        info = typeInfo(kb, type);
        const foiler = frame.governors.find((g) => cues.governors.get(g.token.lemma.toLowerCase()) === 'foiled')?.agents ?? [];
        for (const a of actors) if (AGENT_ROLES.has(a.role)) a.role = info.roles.object;
        addRole(actors, foiler.filter((f) => !actors.some((a) => a.actor === f.actor)), info.roles.subject, 'subject of the preventing verb');
      }
    }
    if (!source && info.roles.subject === 'speaker') source = actors.filter((a) => a.role === 'speaker').at(-1)?.actor ?? null;
    // Told inside a quotation: reported by whoever is quoted.
    const quoted = quotationAt(idx, t.start, t.end);
    if (quoted) {
      if (modality === 'asserted') modality = 'reported';
      source ??= quotes?.find((q) => q.evidence.some((e) => e.start <= quoted[0] + 1 && e.end >= quoted[1] - 1))?.speaker ?? null;
    }

    const allPlaces = eventPlaces(text, s, clause, t.start, t.end, (id) => placeRank(idx, id));
    const place = allPlaces[0] ?? null;
    let date = eventDate(text, idx.sentences, s, t.start, published);
    let dateSource: NonNullable<EventOut['date_source']> = date.source;
    // The predicate's own time phrase ("raided the village on Thursday") beats the nearest time of the sentence.
    // Only times inside the trigger's punctuation-bounded clause as well: a misattached phrase of
    // the next clause (", and in 2014 and 2018, the regime ...") is not the predicate's.
    const ownTimes = frame?.times.filter((m) => m.start >= clause.start && m.end <= clause.end) ?? [];
    if (ownTimes.length) {
      // The predicate's own time nearest before it (else the first after), with the times
      // coordinated to it ("on 2 and 3 May"), as for the sentence's times.
      let nearest = 0;
      for (let i = 0; i < ownTimes.length; i++) if (ownTimes[i]!.end <= t.start) nearest = i;
      const group = coordinatedGroup(ownTimes, text, nearest);
      date = { whens: group.map((m) => ({ ...m.when })), source: 'sentence', mentions: group };
      dateSource = 'predicate';
    }
    // A sentence about an event told before ("The recording included ...") is dated by it.
    if (told?.ownDate && told.date && date.source !== 'sentence') { date = { whens: [{ ...told.date }], source: 'sentence', mentions: [] }; dateSource = 'sentence'; }
    if (FIELD_FAMILIES.has(info.family)) {
      const country = place ? idx.places.get(place.place)?.country ?? null : null;
      rollUpUnits(kb, idx, actors, date.whens[0]?.start ?? (published ? padDate(published, false) : null), country);
    }
    const violent = info.family === 'violence';
    if (violent && fatalities === undefined) {
      fatalities = findFatalities(kb, text, s.start, s.end, s.times);
      // No count written: the victims the parse names ("killing Ahmed and Bandar").
      if (!fatalities && parsed) {
        const cues = statisticCues(kb);
        fatalities = parseFatalities(parsed, { numberWords: cues.numberWords, deathVerbs: cues.fatalities.deathVerbs });
      }
    }
    let fat = violent ? fatalities ?? null : null;
    // "assassinated a colonel", "shot dead two men": the word says someone died.
    if (trig.impliesDeath && (!fat || fat.max === 0)) {
      fat = SINGULAR_OBJECT.test(text.slice(t.end, t.end + 40)) ? { min: 1, max: 1 } : { min: 1, max: null };
    }

    if (!actors.length && (info.needsActor || trig.needsActor)) continue;
    if (info.needsAgent && !actors.some((a) => a.role === info.roles.subject)) continue;
    if (new Set(actors.map((a) => a.actor)).size < info.minParties) continue;
    // "coordinated suicide bombings": a participle describing the next event word is no event.
    if (isAttributive(text, t, triggers)) continue;
    // "struck 85 targets", "meeting little resistance": the word is not used as the event word.
    if (verbUsedAsNoun(text, t) || otherSenseOfMeet(text, t)) continue;
    const noun = usedAsNoun(text, t);
    const pinned = (fat && fat.min > 0) || mod.modality === 'claimed' || (place && placeRank(idx, place.place) <= 2);
    // "IS attacks in Syria in 2024", "his regional meetings": a plural noun without a day, a
    // precise place, a toll or a target of its own is a pattern the author describes, not a happening.
    if (noun && isPlural(t) && !pinned && !date.whens.some((w) => w.precision === 'day')
      && !(actors.some((a) => AGENT_ROLES.has(a.role)) && actors.some((a) => !AGENT_ROLES.has(a.role)) && !info.symmetric)) continue;
    // "an IS attack becomes the only excuse": an indefinite, undated, unplaced noun is hypothetical.
    if (noun && date.source !== 'sentence' && !pinned && !place
      && /\b(?:a|an)\s+(?:[\p{L}.-]+\s+){0,2}$/iu.test(text.slice(Math.max(s.start, t.start - 32), t.start))) continue;
    // A violent word with no actor, place, casualty count or date of its own is talk about
    // violence ("fighting terrorism"), not a reported event.
    if (!actors.length && !place && !fat && date.source !== 'sentence') continue;
    // In analytic prose an undated noun ("cooperation between X and Y", "the speech", "IS
    // attacks") names a topic, not a happening: keep it only when it is pinned to a precise
    // place, has a death toll, or is claimed by someone.
    // A noun the parse gives both a doer and a done-to, as the argument of a verb ("X launched
    // strikes against Y"), is told as a happening, not named as a topic.
    const toldAct = !!frame && frame.kind === 'noun' && frame.agents.length > 0 && frame.patients.length > 0 && isVerbArgument(frame);
    if (noun && (date.source === 'published' || date.source === 'none') && !(fat && fat.min > 0)
      && mod.modality !== 'claimed' && !(place && placeRank(idx, place.place) <= 2) && !toldAct) continue;

    let confidence = 0.45;
    if (actors.length) confidence += 0.2;
    if (date.source === 'sentence') confidence += 0.1;
    else if (date.source === 'published') confidence -= 0.1;
    if (place) confidence += 0.05;
    if (trig.pos === 'verb') confidence += 0.05;
    if (trig.generic) confidence -= 0.1;

    const perpKinds = kindsOf(idx, actors, [info.roles.subject, 'claimant']);
    const targetKinds = kindsOf(idx, actors, [info.roles.object]);
    const evidence = [span(text, s.start, s.end), span(text, t.start, t.end)];
    // One action at several listed places ("strikes in A, B and C" on one day) is one event per
    // place, as the field codes it. A toll given for all of them is not divided (the text does
    // not say how): each place had between none and all of it.
    const split = allPlaces.length > 1 && date.whens.length === 1 && date.whens[0]!.precision === 'day';
    for (const at of split ? allPlaces : [place]) for (const when of date.whens.length ? date.whens : [null]) {
      out.push({
        type,
        acled: acledFor(info, trig.subtype, perpKinds, targetKinds),
        subtype: trig.subtype,
        plover: info.plover,
        date: when,
        place: at?.place ?? null,
        actors: actors.map((a) => ({ ...a })),
        fatalities: !fat ? null : split ? { min: 0, max: fat.max ?? (fat.min > 0 ? null : 0) } : { ...fat },
        modality,
        source,
        summary: summarize(idx, type, actors, at?.place ?? null, when),
        evidence: evidence.map((e) => ({ ...e })),
        confidence: Math.round(Math.min(0.95, Math.max(0.1, confidence)) * 100) / 100,
        date_source: dateSource,
        sentence: s.index,
        paragraph: s.paragraph,
        family: info.family,
        ownDate: date.source === 'sentence',
      });
    }
  }
  return out;
}

function actorIds(d: Draft): Set<string> {
  return new Set(d.actors.map((a) => a.actor));
}

function dedupeKey(d: Draft): string {
  return [d.type, d.subtype ?? '', [...actorIds(d)].sort().join('+'), d.date ? `${d.date.start}/${d.date.end}` : '-', d.place ?? '-'].join('|');
}

function absorb(into: Draft, from: Draft): void {
  for (const e of from.evidence) {
    if (!into.evidence.some((x) => x.start === e.start && x.end === e.end)) into.evidence.push(e);
  }
  for (const a of from.actors) if (!into.actors.some((x) => x.actor === a.actor && x.role === a.role)) into.actors.push(a);
  if (from.fatalities && (!into.fatalities || from.fatalities.min > into.fatalities.min)) into.fatalities = from.fatalities;
  into.place ??= from.place;
  into.source ??= from.source;
  into.confidence = Math.max(into.confidence, from.confidence);
}

/**
 * Two words of one sentence for one happening ("an IED planted in an X vehicle by Y exploded"):
 * the same type, date and place, and actors that fit together: not two different sets of
 * agents ("A shelled B and C shelled D" is two events), no actor on both sides.
 */
function sameHappening(a: Draft, b: Draft): boolean {
  if (a.sentence !== b.sentence || a.type !== b.type || (a.subtype ?? null) !== (b.subtype ?? null) || a.place !== b.place
    || `${a.date?.start}/${a.date?.end}` !== `${b.date?.start}/${b.date?.end}`) return false;
  const side = (d: Draft, agent: boolean) => new Set(d.actors.filter((x) => AGENT_ROLES.has(x.role) === agent).map((x) => x.actor));
  const [agentsA, agentsB, othersA, othersB] = [side(a, true), side(b, true), side(a, false), side(b, false)];
  if (agentsA.size && agentsB.size && (agentsA.size !== agentsB.size || [...agentsA].some((x) => !agentsB.has(x)))) return false;
  return ![...agentsA].some((x) => othersB.has(x)) && ![...agentsB].some((x) => othersA.has(x));
}

/**
 * Merges repeated mentions: the same type, actors, date and place anywhere in the document;
 * words of one sentence for the same happening; and a later mention without a date of its own
 * ("The attack killed ...") whose actors are among those of an event of the same family just
 * before it in the paragraph.
 */
function merge(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const d of drafts) {
    const same = byKey.get(dedupeKey(d)) ?? out.find((p) => sameHappening(p, d));
    if (same) { absorb(same, d); continue; }
    if (!d.ownDate) {
      const ids = actorIds(d);
      const host = [...out].reverse().find((p) => p.paragraph === d.paragraph && p.family === d.family && (p.family !== 'other' || p.subtype === d.subtype)
        && d.sentence - p.sentence <= 2 && d.sentence !== p.sentence && [...ids].every((id) => actorIds(p).has(id)));
      if (host) { absorb(host, d); continue; }
    }
    byKey.set(dedupeKey(d), d);
    out.push(d);
  }
  return mergeHeadlines(out);
}

/**
 * A headline ("IS gunmen kill four soldiers in Kirkuk") announces the event the lead then tells
 * with its date: an undated event of the first paragraph joins the first later event of its
 * family in the next two paragraphs whose actors include its own.
 */
function mergeHeadlines(events: Draft[]): Draft[] {
  const gone = new Set<Draft>();
  for (const h of events) {
    if (h.paragraph !== 0 || h.ownDate) continue;
    const ids = actorIds(h);
    const body = events.find((e) => e !== h && !gone.has(e) && e.paragraph > 0 && e.paragraph <= 2 && e.family === h.family
      && ids.size > 0 && [...ids].some((id) => actorIds(e).has(id)));
    if (!body) continue;
    // The headline's wording may give an actor another role ("gunmen kill" vs "attacked"): the lead's stands.
    absorb(body, { ...h, actors: h.actors.filter((a) => !actorIds(body).has(a.actor)) });
    gone.add(h);
  }
  return gone.size ? events.filter((e) => !gone.has(e)) : events;
}

/**
 * "An IED hit a patrol. Three soldiers were killed.": a violent event with no toll of its own
 * takes the one in the next sentence of its paragraph, when that sentence dates nothing itself.
 */
function followUpFatalities(kb: KnowledgeBase, idx: DocIndex, drafts: Draft[]): void {
  const seen = new Map<number, Fatalities | null>();
  for (const d of drafts) {
    if (d.family !== 'violence' || d.fatalities) continue;
    const next = idx.sentences[d.sentence + 1];
    if (!next || next.paragraph !== d.paragraph || next.times.length) continue;
    if (!seen.has(next.index)) seen.set(next.index, findFatalities(kb, idx.text, next.start, next.end));
    const f = seen.get(next.index);
    if (f) d.fatalities = { ...f };
  }
}

/** "Among the dead were ...", "two commanders were among those killed": who the victims were. */
const AMONG_VICTIMS = /\bamong(?:st)?\s+(?:the\s+|those\s+)?(?:dead|killed|victims|casualties|fatalities|wounded|injured)\b/i;

/**
 * "A tanker exploded. Forty were killed. Among the dead, 12 rebels and 11 children.": a violent
 * event with no target takes the actors a following sentence of its paragraph (one dating
 * nothing itself, at most two on) names among its victims.
 */
function followUpVictims(kb: KnowledgeBase, idx: DocIndex, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.family !== 'violence') continue;
    const info = typeInfo(kb, d.type);
    if (info.symmetric || d.actors.some((a) => a.role === info.roles.object)) continue;
    for (const next of idx.sentences.slice(d.sentence + 1, d.sentence + 3)) {
      if (next.paragraph !== d.paragraph || next.times.length) break;
      if (!AMONG_VICTIMS.test(idx.text.slice(next.start, next.end))) continue;
      const victims = participants(idx.text, next).actors.filter((r) => !d.actors.some((a) => a.actor === r.actor));
      addRole(d.actors, victims, info.roles.object);
      if (victims.length) d.summary = summarize(idx, d.type, d.actors, d.place, d.date);
      break;
    }
  }
}

/** How far back (characters) "the raids" may refer to an event told earlier. */
const DEFINITE_REACH = 2500;

/**
 * "The US and Britain launched strikes ... Witnesses said the raids targeted a base ...": a
 * definite event noun with no agent of its own refers back to the latest earlier event of its
 * family that has one, and takes its agents.
 */
function definiteEventAgents(kb: KnowledgeBase, idx: DocIndex, drafts: Draft[]): void {
  const text = idx.text;
  for (const [k, d] of drafts.entries()) {
    const trigger = d.evidence[1];
    if (!trigger || d.actors.some((a) => AGENT_ROLES.has(a.role))) continue;
    if (!/\bthe\s+(?:[\p{L}-]+\s+)?$/iu.test(text.slice(Math.max(0, trigger.start - 24), trigger.start))) continue;
    const info = typeInfo(kb, d.type);
    if (info.symmetric) continue;
    const host = drafts.slice(0, k).reverse().find((p) => p.family === d.family && (p.evidence[1]?.start ?? 0) < trigger.start
      && trigger.start - (p.evidence[1]?.start ?? 0) <= DEFINITE_REACH && p.actors.some((a) => AGENT_ROLES.has(a.role)));
    if (!host) continue;
    for (const a of host.actors.filter((x) => AGENT_ROLES.has(x.role) && x.role !== 'claimant')) {
      if (!d.actors.some((x) => x.actor === a.actor)) d.actors.push({ actor: a.actor, role: info.roles.subject, via: `the earlier event "${trigger.text}" refers back to` });
    }
    d.summary = summarize(idx, d.type, d.actors, d.place, d.date);
  }
}

/** "self-declared", "well-planned": a trigger glued into an adjective is no event. */
const GLUED = /\b(?:self|so|well|ill|much|long|oft|widely|newly|hard)[-‐‑]$/i;

/** The latest event before this point that a back-reference ("the speech") can mean. */
function antecedentOf(drafts: Draft[], a: AnaphorMatch): Draft | null {
  for (let i = drafts.length - 1; i >= 0; i--) if (a.types.includes(drafts[i]!.type)) return drafts[i]!;
  return null;
}

/**
 * A sentence whose subject is a back-reference ("The speech also included ..., threatening
 * that ...") tells more of the earlier event: its events take that event's agents where they
 * have none (a name inside "against X" is a target, not the agent); draftsFor gave them its
 * date. Claims and reports keep their own source.
 */
function continueAntecedent(kb: KnowledgeBase, idx: DocIndex, s: SentenceInfo, drafts: Draft[], antecedent: Draft): void {
  const agents = antecedent.actors.filter((a) => AGENT_ROLES.has(a.role));
  const text = idx.text;
  for (const d of drafts) {
    if (d.modality === 'claimed' || d.modality === 'reported') continue;
    const info = typeInfo(kb, d.type);
    if (!info.symmetric) {
      for (const a of d.actors) {
        const ref = s.actors.find((r) => r.actor === a.actor);
        if (AGENT_ROLES.has(a.role) && ref && inPrepositionalPhrase(text, ref, s.start)) a.role = info.roles.object;
      }
      if (!d.actors.some((a) => AGENT_ROLES.has(a.role))) {
        d.actors = d.actors.filter((a) => !agents.some((g) => g.actor === a.actor));
        for (const g of agents) d.actors.push({ actor: g.actor, role: info.roles.subject, via: 'agent of the earlier event the sentence refers back to' } as Held);
      }
    }
    d.summary = summarize(idx, d.type, d.actors, d.place, d.date);
  }
}

export function extractEvents(kb: KnowledgeBase, idx: DocIndex, published: string | null, syntax?: readonly ParsedSentence[], quotes?: readonly QuoteOut[]): EventOut[] {
  const matches = eventTriggers(kb).matchAll(idx.text);
  const drafts: Draft[] = [];
  let k = 0;
  for (const s of idx.sentences) {
    while (k < matches.length && matches[k]!.start < s.start) k++;
    // A sentence with a date of its own tells a new happening ("the bombing in Homs on 4 May").
    const anaphors = s.times.length ? [] : findEventAnaphors(kb, idx.text, s.start, s.end).map((a) => ({ ...a, antecedent: antecedentOf(drafts, a) }));
    const here: PhraseMatch<Trigger>[] = [];
    for (let j = k; j < matches.length && matches[j]!.start < s.end; j++) {
      const m = matches[j]!;
      if (m.end > s.end || overlapsMention(s, m.start, m.end)) continue;
      // Words inside a quotation are speech: only a quotation that narrates ("On Thursday,
      // Turkish forces shelled the villages of ...", with its own time or place) tells events.
      const quote = quotationAt(idx, m.start, m.end);
      if (quote && !s.times.some((x) => x.start >= quote[0] && x.end <= quote[1]) && !s.places.some((x) => x.start >= quote[0] && x.end <= quote[1])) continue;
      if (GLUED.test(idx.text.slice(Math.max(0, m.start - 8), m.start))) continue;
      // "the latest speech": the event told before, not a new one.
      if (anaphors.some((a) => a.antecedent && a.start < m.end && m.start < a.end)) continue;
      here.push(m);
    }
    if (!here.length) continue;
    const told = anaphors.find((a) => a.opensSentence && a.antecedent)?.antecedent ?? null;
    let from = drafts.length;
    while (from > 0 && drafts[from - 1]!.sentence === s.index - 1) from--;
    const just = drafts.slice(from).filter((d) => d.paragraph === s.paragraph);
    const located = syntax ? (a: ActorRef) => isLocativeMention(syntax, idx.sentences, a, NO_PLACE_NOUNS) : undefined;
    const found = draftsFor(kb, idx, participants(idx.text, s, located), here, published, told, just, syntax, quotes);
    if (told) continueAntecedent(kb, idx, s, found, told);
    drafts.push(...found);
  }
  definiteEventAgents(kb, idx, drafts);
  followUpFatalities(kb, idx, drafts);
  followUpVictims(kb, idx, drafts);
  return merge(drafts).map(({ sentence: _s, paragraph: _p, family: _f, ownDate: _o, actors, ...e }, i) => ({
    id: `e${i + 1}`, ...e,
    actors: actors.map(({ actor, role }) => ({ actor, role })),
    roles_via: actors.map(({ actor, role, via }) => ({ actor, role, via: via ?? 'merged from another mention' })),
  }));
}

const stage: Stage = {
  name: 'events',
  requires: ['sentences', 'syntax', 'actors', 'places', 'times'],
  run({ document, layers, kb }) {
    return { events: extractEvents(kb, indexDocument(document.text, layers), document.published, layers.syntax, layers.quotes) };
  },
};
export default stage;
