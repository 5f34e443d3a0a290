import { kindStyle, familyOf, FAMILY_COLOUR, predicateLabel } from '../lib/predicates.js';

export function CorrectedBadge({ show }: { show: boolean }) {
  return show ? <span className="badge badge-corrected" title="An analyst corrected this">corrected</span> : null;
}

export function KindBadge({ kind }: { kind: string }) {
  return <span className="badge badge-kind" style={{ borderColor: kindStyle(kind).colour, color: kindStyle(kind).colour }}>{kind}</span>;
}

export function ModalityBadge({ modality }: { modality: string }) {
  if (!modality || modality === 'asserted') return null;
  return <span className={`badge badge-modality mod-${modality}`}>{modality}</span>;
}

export function PredicateLabel({ predicate }: { predicate: string }) {
  return <span className="predicate" style={{ color: FAMILY_COLOUR[familyOf(predicate)] }}>{predicateLabel(predicate)}</span>;
}
