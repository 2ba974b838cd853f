import type { AttributeSpec } from '../catalog';

/** The first sentence of an attribute's documentation, without markdown, for messages. */
export function docSummary(spec: AttributeSpec): string {
  const text = spec.doc.replace(/`/g, '');
  // A sentence ends at a full stop before a capital letter or the end ("e.g. dc=…" does not end one).
  const end = /\.(?=\s+[A-Z]|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
