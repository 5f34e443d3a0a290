import { splitMarks } from '../lib/snippet.js';

export function Snippet({ text }: { text: string }) {
  return <span className="snippet">{splitMarks(text).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}
