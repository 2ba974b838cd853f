import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/engine/ldif/ast';

/** Offsets where each physical line starts (LF-separated, as the parser counts lines). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Applies non-overlapping edits the way an editor does (all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const offsets = edits
    .map((edit) => ({
      start: starts[edit.range.start.line] + edit.range.start.character,
      end: starts[edit.range.end.line] + edit.range.end.character,
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i - 1].end <= offsets[i].start, 'edits overlap');
  let result = text;
  for (const edit of offsets.reverse()) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
