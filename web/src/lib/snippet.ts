// Search snippets arrive with <mark>…</mark> around matches. They are split into parts here
// and rendered as text, never as HTML, so nothing in a document can inject markup.
export type SnippetPart = { text: string; marked: boolean };

export function splitMarks(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') { marked = true; continue; }
    if (piece === '</mark>') { marked = false; continue; }
    if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}
