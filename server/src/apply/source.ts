/**
 * What an apply reads: files in pieces of whole records (the way `check` streams them), or an
 * editor buffer as one piece. Every pass over an input (the preflight, then the run) reads it
 * from the start again and parses one piece at a time, so memory stays flat whatever the size.
 */
import type { Catalog, EntryKind } from '../engine/catalog';
import { parsePart, type TextPart } from '../engine/partsCheck';
import type { Diagnostic, LdifRecord } from '../engine/ldif/ast';
import type { RecordSource } from './operations';

export interface ApplyInput {
  /** The name messages use (as the user gave it); undefined for an unsaved buffer. */
  readonly file: string | undefined;
  /** Folder that relative `file:` URLs start from; undefined for an unsaved buffer. */
  readonly baseDir: string | undefined;
  /** The text from its start, in pieces that end after a blank line. */
  pieces(): AsyncIterable<TextPart>;
}

/** An editor buffer (or any text in memory) as an input of one piece. */
export function textInput(file: string | undefined, baseDir: string | undefined, text: string): ApplyInput {
  return {
    file,
    baseDir,
    async *pieces() {
      yield { text, firstLine: 0, atFileStart: true };
    },
  };
}

/** One record of an input, parsed, with what sending and reporting it need. */
export interface SourceRecord {
  readonly source: RecordSource;
  readonly record: LdifRecord;
  /** The winsync entry it targets, if any. */
  readonly entryKind: EntryKind | undefined;
  readonly baseDir: string | undefined;
  /** Its physical lines as written, without the blank line after it. */
  readonly lines: readonly string[];
  /** The validator's findings inside the record, to explain bare 53 and 1 answers. */
  diagnostics(): readonly Diagnostic[];
}

export interface RecordOptions {
  /** Only these records (0-based indexes in the input): an editor selection. */
  readonly only?: ReadonlySet<number>;
  /** Findings of the checks across records (from the preflight), added to each record's own. */
  readonly documentDiagnostics?: readonly Diagnostic[];
}

/** The input's records in order, one piece parsed at a time. */
export async function* sourceRecords(
  input: ApplyInput,
  catalog: Catalog,
  options: RecordOptions = {},
): AsyncGenerator<SourceRecord> {
  let index = 0;
  for await (const piece of input.pieces()) {
    const document = parsePart(piece, catalog);
    const kinds = new Map(document.views.map((view) => [view.record, view.kind]));
    let pieceDiagnostics: readonly Diagnostic[] | undefined;
    for (const record of document.ldif.records) {
      const at = index++;
      if (options.only && !options.only.has(at)) continue;
      const first = record.range.start.line;
      const last = record.range.end.line;
      const lines = document.lineTexts(first, last);
      // The range may end on the blank separator line; the record's text does not.
      while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
      const inside = (diagnostic: Diagnostic) =>
        diagnostic.range.start.line >= first && diagnostic.range.start.line <= last;
      yield {
        source: { file: input.file, index: at, line: (record.dn?.line.range.start.line ?? first) + 1 },
        record,
        entryKind: kinds.get(record),
        baseDir: input.baseDir,
        lines,
        diagnostics: () => {
          if (!pieceDiagnostics) {
            const { syntax, records } = document.blockDiagnostics({ catalog });
            pieceDiagnostics = [...syntax, ...records];
          }
          return [...pieceDiagnostics.filter(inside), ...(options.documentDiagnostics ?? []).filter(inside)];
        },
      };
    }
  }
}
