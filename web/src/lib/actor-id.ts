// Cross-document actor ids (docs/api.md): `kb:<pack id>` when the knowledge pack knows the
// actor, else `n:<normalised name>`. The normalisation mirrors the server's
// (src/store/sqlite/picture-keys.ts normalizeName) so reader links land on the right profile.
export function normalizeActorName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f\u064B-\u065F\u0670]/g, '').toLowerCase()
    .replace(/[’'`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

export function actorProfileId(a: { kb_id: string | null; name: string }): string {
  return a.kb_id ? `kb:${a.kb_id}` : `n:${normalizeActorName(a.name)}`;
}

export function actorHref(id: string): string {
  return `#/actor/${encodeURIComponent(id)}`;
}
