// Predicate families drive the colours of relations everywhere (graph edges, lists).
export type Family = 'cooperation' | 'hostility' | 'membership' | 'other';

const FAMILY: Record<string, Family> = {
  cooperates_with: 'cooperation', supports: 'cooperation', funds: 'cooperation', pays: 'cooperation',
  supplies: 'cooperation', allied_with: 'cooperation',
  hostile_to: 'hostility', rival_of: 'hostility', fights: 'hostility', attacks: 'hostility', threatens: 'hostility',
  member_of: 'membership', leader_of: 'membership', commands: 'membership', spokesperson_of: 'membership',
  media_arm_of: 'membership', part_of: 'membership', split_from: 'other', successor_of: 'other', formerly_member_of: 'other',
};

export const FAMILY_COLOUR: Record<Family, string> = {
  cooperation: '#2e8b57', hostility: '#c0392b', membership: '#2c5aa0', other: '#7f8c8d',
};

export const PREDICATES = Object.keys(FAMILY);
export const MODALITIES = ['asserted', 'reported', 'claimed', 'alleged', 'planned', 'foiled', 'hypothetical', 'negated'];

export function familyOf(predicate: string): Family {
  return FAMILY[predicate] ?? 'other';
}

export function predicateLabel(p: string): string {
  return p.replace(/_/g, ' ');
}

export const KIND_STYLE: Record<string, { colour: string; shape: string }> = {
  state: { colour: '#34495e', shape: 'round-rectangle' },
  'government-body': { colour: '#5d6d7e', shape: 'round-rectangle' },
  'state-force': { colour: '#1f618d', shape: 'hexagon' },
  'armed-group': { colour: '#a93226', shape: 'diamond' },
  militia: { colour: '#ca6f1e', shape: 'diamond' },
  'political-party': { colour: '#7d3c98', shape: 'ellipse' },
  'international-org': { colour: '#17a589', shape: 'round-rectangle' },
  coalition: { colour: '#138d75', shape: 'octagon' },
  media: { colour: '#b7950b', shape: 'triangle' },
  person: { colour: '#566573', shape: 'ellipse' },
  population: { colour: '#99a3a4', shape: 'barrel' },
  other: { colour: '#aab7b8', shape: 'ellipse' },
};

export function kindStyle(kind: string): { colour: string; shape: string } {
  return KIND_STYLE[kind] ?? KIND_STYLE.other!;
}
