// One relation with its evidence sentences (links into the documents) and a reject action.
import type { Relation } from '../api/types.js';
import { corrections } from '../api/corrections.js';
import { useApp } from '../hooks/app-context.js';
import { actorHref } from '../lib/actor-id.js';
import { formatWhen } from '../lib/dates.js';
import { docHref } from '../lib/router.js';
import { CorrectedBadge, ModalityBadge, PredicateLabel } from './Badges.js';

export function RelationCard({ relation, onChanged }: { relation: Relation; onChanged?: () => void }) {
  const { applyCorrection, isCorrected } = useApp();
  const corrected = isCorrected(relation);
  async function reject() {
    if (await applyCorrection(corrections.rejectRelation(relation.id))) onChanged?.();
  }
  return (
    <article className="card relation-card" data-relation={relation.id}>
      <header>
        <a href={actorHref(relation.subject.id)}>{relation.subject.name}</a>{' '}
        <PredicateLabel predicate={relation.predicate} />{' '}
        <a href={actorHref(relation.object.id)}>{relation.object.name}</a>
        <ModalityBadge modality={relation.modality} />
        <CorrectedBadge show={corrected} />
        <button type="button" className="small-btn push-right" onClick={reject}>Reject relation</button>
      </header>
      <p className="muted">
        {relation.valid ? `valid ${formatWhen(relation.valid)}` : 'no validity dates'} · {relation.origin === 'pack' ? 'from knowledge pack' : 'read from text'} · confidence {Math.round((relation.confidence ?? 0) * 100)}%
      </p>
      {relation.evidence?.length ? (
        <ul className="evidence">
          {relation.evidence.map((e, i) => (
            <li key={i}>
              <blockquote>{e.text} <a className="small" href={docHref(e.document, e)}>— {e.title ?? e.document}</a></blockquote>
            </li>
          ))}
        </ul>
      ) : <p className="muted">No evidence sentences{relation.origin === 'pack' ? ' (background knowledge)' : ''}.</p>}
    </article>
  );
}
