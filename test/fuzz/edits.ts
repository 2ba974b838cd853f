import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit } from '../../server/src/engine/ldif/ast';
import type { LanguageService, ParsedDocument, TextChange } from '../../server/src/engine/service';
import { lineLengths, plainData } from './inside';

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

/** A change as an editor sends it: text[start, end) replaced by `text`. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A keystroke or editor command, placed by fractions of the text (`at`, `line`) so that it
 * applies to any text: typing, Enter at the end of a line, Backspace at the start of one
 * (joining it to the line above), pasting whole lines copied from the text, cutting lines,
 * and undo of the last change.
 */
export type Keystroke =
  | { readonly kind: 'type'; readonly at: number; readonly text: string }
  | { readonly kind: 'enter'; readonly line: number }
  | { readonly kind: 'join'; readonly line: number }
  | { readonly kind: 'paste'; readonly at: number; readonly from: number; readonly lines: number }
  | { readonly kind: 'cut'; readonly line: number; readonly lines: number }
  | { readonly kind: 'undo' };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const keystroke: fc.Arbitrary<Keystroke> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fraction, text: fc.constantFrom('x', ' ', ':', '-', '#', 'é') }),
  fc.record({ kind: fc.constant('enter' as const), line: fraction }),
  fc.record({ kind: fc.constant('join' as const), line: fraction }),
  fc.record({
    kind: fc.constant('paste' as const),
    at: fraction,
    from: fraction,
    lines: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), line: fraction, lines: fc.integer({ min: 1, max: 40 }) }),
  fc.constant({ kind: 'undo' as const }),
);

/** Where each line starts and where its text ends (before its CR LF or LF). */
function lineBounds(text: string): { starts: number[]; ends: number[] } {
  const starts = lineStarts(text);
  const ends = starts.map((start, i) => {
    if (i + 1 === starts.length) return text.length;
    const lf = starts[i + 1] - 1;
    return lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
  });
  return { starts, ends };
}

/** The changes made so far, with what each removed: an undo puts that back. */
export type History = { readonly change: Replacement; readonly removed: string }[];

/** The change a keystroke makes to `text`, recorded in `history` (undo takes the last one back). */
export function keystrokeChange(text: string, stroke: Keystroke, history: History): Replacement {
  const { starts, ends } = lineBounds(text);
  const lineAt = (fraction: number) => Math.floor(fraction * starts.length);
  const startOfLine = (line: number) => (line < starts.length ? starts[line] : text.length);
  let change: Replacement;
  switch (stroke.kind) {
    case 'type': {
      const at = Math.floor(stroke.at * (text.length + 1));
      change = { start: at, end: at, text: stroke.text };
      break;
    }
    case 'enter': {
      // The line break the line already has (or LF on the last line).
      const line = lineAt(stroke.line);
      const at = ends[line];
      const eol = text.slice(at, line + 1 < starts.length ? starts[line + 1] : at) || '\n';
      change = { start: at, end: at, text: eol };
      break;
    }
    case 'join': {
      const line = Math.max(1, lineAt(stroke.line));
      change =
        line < starts.length ? { start: ends[line - 1], end: starts[line], text: '' } : { start: 0, end: 0, text: '' };
      break;
    }
    case 'paste': {
      const from = lineAt(stroke.from);
      const copied = text.slice(starts[from], startOfLine(from + stroke.lines));
      const at = startOfLine(lineAt(stroke.at));
      change = { start: at, end: at, text: copied.endsWith('\n') || at === text.length ? copied : `${copied}\n` };
      break;
    }
    case 'cut': {
      const line = lineAt(stroke.line);
      change = { start: starts[line], end: startOfLine(line + stroke.lines), text: '' };
      break;
    }
    case 'undo': {
      const last = history.pop();
      if (!last) return { start: 0, end: 0, text: '' };
      return { start: last.change.start, end: last.change.start + last.change.text.length, text: last.removed };
    }
  }
  history.push({ change, removed: text.slice(change.start, change.end) });
  return change;
}

/** The text after a change. */
export function applyReplacement(text: string, change: Replacement): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** The change as the parse is told of it. */
export function textChange(change: Replacement): TextChange {
  return { start: change.start, oldEnd: change.end, newEnd: change.start + change.text.length };
}

/**
 * Asserts that a document parsed edit by edit is what a fresh parse of its text gives: every
 * node and range of the tree (getters included), every diagnostic with its fixes, the text of
 * every line, the outline, the folding ranges and the record anchors. The diagnostics are
 * compared first, as the language server asks for them, before anything reads either tree: a
 * block parsed afresh is checked from a parse that is not kept (`ParsedDocument.blockDiagnostics`).
 */
export function assertLikeFresh(service: LanguageService, edited: ParsedDocument, text: string): void {
  assert.deepStrictEqual(service.validate(edited), service.validate(service.parse(text)));
  const fresh = service.parse(text);
  assert.equal(edited.text, text);
  assert.deepStrictEqual(plainData(edited.ldif), plainData(fresh.ldif));
  assert.deepStrictEqual(service.validate(edited), service.validate(fresh));
  assert.deepStrictEqual(
    service.validate(edited, { maxDiagnostics: 2 }),
    service.validate(fresh, { maxDiagnostics: 2 }),
  );
  assert.deepStrictEqual(service.findDocumentSymbols(edited), service.findDocumentSymbols(fresh));
  assert.deepStrictEqual(service.getFoldingRanges(edited), service.getFoldingRanges(fresh));
  assert.deepStrictEqual(service.findRecordAnchors(edited), service.findRecordAnchors(fresh));
  const physical = text.split('\n');
  lineLengths(text).forEach((length, i) => {
    const expected = physical[i].slice(0, length);
    const actual = edited.lineText(i);
    assert.ok(
      actual === expected || (actual === '' && /^[ \t]*$/.test(expected)),
      `lineText(${i}) = ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`,
    );
  });
}

/** How the parse of the next version learns what changed: from the editor's change, from several merged, or by comparing the texts. */
export type Hinting = 'each change' | 'merged changes' | 'none';
