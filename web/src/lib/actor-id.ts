// Cross-document actor ids (docs/api.md): `kb:<pack id>` when the knowledge pack knows the
// actor, else `n:<normalised name>`.
export function actorProfileId(a: { kb_id: string | null; name: string }): string {
  return a.kb_id ? `kb:${a.kb_id}` : `n:${a.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

export function actorHref(id: string): string {
  return `#/actor/${encodeURIComponent(id)}`;
}
