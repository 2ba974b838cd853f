/**
 * The first sentence of a text and the rest: a sentence ends at a full stop before a capital
 * letter or the end of the text, so "e.g. dc=…" does not end one.
 */
export function splitFirstSentence(text: string): [first: string, rest: string] {
  const end = /\.(?=\s+[A-Z]|$)/.exec(text);
  if (!end) return [text, ''];
  return [text.slice(0, end.index + 1), text.slice(end.index + 1).trim()];
}
