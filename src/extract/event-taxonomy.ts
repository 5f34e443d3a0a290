// Reader for event-types.yaml: per event type, the ACLED / PLOVER mapping and how clause
// actors take roles. See reference/taxonomies.md for the codebooks.
import type { ActorKind, EventType, Role } from '../analysis/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { badLexicon, isRecord, stringList } from './lexicon-errors.js';
import { EVENT_TYPES } from './event-triggers.js';

const LEXICON = 'event-types';
const ROLES: readonly Role[] = ['perpetrator', 'target', 'victim', 'participant', 'facilitator', 'speaker', 'addressee', 'beneficiary', 'claimant'];

export type Acled = { event_type: string; sub_event_type: string };
export type KindOverride = { kinds: ActorKind[]; acled: Acled };
export type EventTypeInfo = {
  family: string;
  roles: { subject: Role; object: Role };
  symmetric: boolean;
  needsActor: boolean;
  /** Distinct actors the event needs: "cooperation" with one party is a topic, not a happening. */
  minParties: number;
  acled: Acled | null;
  subtypes: ReadonlyMap<string, Acled>;
  armedTarget: KindOverride | null;
  stateActor: KindOverride | null;
  plover: string | null;
  /** Prepositions marking the one acted on when a verb has no object ("fired on X"). */
  patientCases: ReadonlySet<string>;
  /** Prepositions marking who receives what the act hands on ("handed over the dam to X", "transferred to Iraq"): beneficiary. */
  recipientCases: ReadonlySet<string>;
  /** The of-phrase of an event noun is who acts ("the withdrawal of X"). */
  ofAgent: boolean;
  /** No event unless an actor holds the subject's role. */
  needsAgent: boolean;
};

const cache = new WeakMap<KnowledgeBase, ReadonlyMap<EventType, EventTypeInfo>>();

function acledOf(type: string, where: string, v: unknown): Acled | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v) || typeof v.event_type !== 'string' || typeof v.sub_event_type !== 'string') {
    throw badLexicon(LEXICON, `${type}.${where} must be {event_type, sub_event_type}`);
  }
  return { event_type: v.event_type, sub_event_type: v.sub_event_type };
}

function overrideOf(type: string, where: string, v: unknown): KindOverride | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v)) throw badLexicon(LEXICON, `${type}.${where} must be {kinds, acled}`);
  return { kinds: stringList(LEXICON, `${type}.${where}.kinds`, v.kinds) as ActorKind[], acled: acledOf(type, `${where}.acled`, v.acled)! };
}

function role(type: string, v: unknown, fallback: Role): Role {
  if (v === undefined) return fallback;
  if (!ROLES.includes(v as Role)) throw badLexicon(LEXICON, `${type}: unknown role "${String(v)}"`);
  return v as Role;
}

export function eventTaxonomy(kb: KnowledgeBase): ReadonlyMap<EventType, EventTypeInfo> {
  let t = cache.get(kb);
  if (t) return t;
  const raw = kb.lexicons.get(LEXICON) ?? {};
  if (!isRecord(raw)) throw badLexicon(LEXICON, 'must map event types to their mapping');
  const out = new Map<EventType, EventTypeInfo>();
  for (const [type, v] of Object.entries(raw)) {
    if (!EVENT_TYPES.includes(type as EventType)) throw badLexicon(LEXICON, `unknown event type "${type}"`);
    if (!isRecord(v)) throw badLexicon(LEXICON, `"${type}" must be a mapping`);
    const roles = isRecord(v.roles) ? v.roles : {};
    const subtypes = new Map<string, Acled>();
    if (isRecord(v.subtypes)) for (const [k, s] of Object.entries(v.subtypes)) subtypes.set(k, acledOf(type, `subtypes.${k}`, s)!);
    out.set(type as EventType, {
      family: typeof v.family === 'string' ? v.family : type,
      roles: { subject: role(type, roles.subject, 'participant'), object: role(type, roles.object, 'target') },
      symmetric: v.symmetric === true,
      needsActor: v.needs_actor === true,
      minParties: typeof v.min_parties === 'number' ? v.min_parties : v.needs_actor === true ? 1 : 0,
      acled: acledOf(type, 'acled', v.acled),
      subtypes,
      armedTarget: overrideOf(type, 'armed_target', v.armed_target),
      stateActor: overrideOf(type, 'state_actor', v.state_actor),
      plover: typeof v.plover === 'string' ? v.plover : null,
      patientCases: new Set(stringList(LEXICON, `${type}.patient_cases`, v.patient_cases).map((c) => c.toLowerCase())),
      recipientCases: new Set(stringList(LEXICON, `${type}.recipient_cases`, v.recipient_cases).map((c) => c.toLowerCase())),
      ofAgent: v.of_agent === true,
      needsAgent: v.needs_agent === true,
    });
  }
  t = out;
  cache.set(kb, t);
  return t;
}

const DEFAULT_INFO: EventTypeInfo = {
  family: 'other', roles: { subject: 'participant', object: 'target' }, symmetric: false, needsActor: true, minParties: 1,
  acled: null, subtypes: new Map(), armedTarget: null, stateActor: null, plover: null, patientCases: new Set(), recipientCases: new Set(), ofAgent: false, needsAgent: false,
};

export function typeInfo(kb: KnowledgeBase, type: EventType): EventTypeInfo {
  return eventTaxonomy(kb).get(type) ?? DEFAULT_INFO;
}

/** The ACLED mapping of one event, refined by trigger subtype and by the kinds of its actors. */
export function acledFor(info: EventTypeInfo, subtype: string | null, perpetratorKinds: ActorKind[], targetKinds: ActorKind[]): Acled | null {
  const sub = subtype ? info.subtypes.get(subtype) : undefined;
  // A subtype that moves the event to another ACLED category ("handover": a non-violent transfer,
  // not a battle) says more than who carried it out.
  if (sub && info.acled && sub.event_type !== info.acled.event_type) return sub;
  if (info.stateActor && perpetratorKinds.some((k) => info.stateActor!.kinds.includes(k))) return info.stateActor.acled;
  if (sub) return sub;
  if (info.armedTarget && targetKinds.some((k) => info.armedTarget!.kinds.includes(k))) return info.armedTarget.acled;
  return info.acled;
}
