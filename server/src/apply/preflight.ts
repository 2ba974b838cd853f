/**
 * The pass before anything is sent: every input is validated piece by piece (as `check` does)
 * and every local file a `:<` value names is inspected. What it finds decides whether the run
 * may start; only winsync records and the first findings are kept, so a file of any size
 * passes in flat memory.
 */
import type { Catalog } from '../engine/catalog';
import type { ParsedDocument } from '../engine/document';
import type { Diagnostic, LdifRecord } from '../engine/ldif/ast';
import { PartsCheck, type TextPart } from '../engine/partsCheck';
import { applySettings, type ValidationSettings } from '../engine/rules/validate';
import type { RuleContext } from '../engine/rules/types';
import { AgreementHazards, type AgreementHazard } from './agreementHazards';
import { ApplyError, advice } from './errors';
import { LocalFileInspector, localFileDiagnostic, type LocalFileCheck } from './localFiles';
import { recordSecrets, redact } from './secret';
import type { ApplyInput } from './source';

/** A validation error or an unusable local file: applying is refused unless forced. */
export interface BlockingProblem {
  readonly file: string | undefined;
  readonly diagnostic: Diagnostic;
}

// They live in localFiles.ts, which the language server loads in node alone (not the rules of
// this file: a bundle keeps what it loads lazily apart, at a cost per module); `check` and the
// tests find them here too.
export { LocalFileInspector, localFileDiagnostic };

/** A local file a record would send, with what inspecting it found. */
export interface LocalFileUse {
  readonly file: string | undefined;
  /** 1-based line of the `:<` value. */
  readonly line: number;
  readonly url: string;
  readonly check: LocalFileCheck;
}

export interface Preflight {
  /** Records that would be sent. */
  readonly records: number;
  /** The first blocking problems, in file order. */
  readonly blocking: readonly BlockingProblem[];
  /** How many there are in all. */
  readonly blockingCount: number;
  /** Each local file once (its first use), at most MAX_KEPT of them. */
  readonly localFiles: readonly LocalFileUse[];
  readonly localFileCount: number;
  /** Agreement changes the server would not survive: the run must not start, forced or not. */
  readonly hazards: readonly AgreementHazard[];
  /** Findings of the checks across records, per input file, for explaining bare server answers later. */
  documentDiagnostics(file: string | undefined): readonly Diagnostic[];
}

export interface PreflightOptions {
  readonly catalog: Catalog;
  readonly settings?: ValidationSettings;
  readonly maxFileValueBytes: number;
  /** Only these records of the (single) input: an editor selection. */
  readonly only?: ReadonlySet<number>;
  readonly signal?: AbortSignal;
}

/** Blocking problems and local files kept for display; the rest are counted. */
const MAX_KEPT = 1000;

export async function preflight(inputs: readonly ApplyInput[], options: PreflightOptions): Promise<Preflight> {
  const blocking: BlockingProblem[] = [];
  let blockingCount = 0;
  let records = 0;
  const localFiles = new LocalFileInspector(options.maxFileValueBytes);
  const hazards = new AgreementHazards();
  const uses: LocalFileUse[] = [];
  const seen = new Set<string>();
  const byFile = new Map<string | undefined, Diagnostic[]>();
  const settings: ValidationSettings = { ...options.settings, maxDiagnostics: Number.POSITIVE_INFINITY };
  for (const input of inputs) {
    let index = 0;
    const documentLevel = await checkPieces(
      input.pieces(),
      { catalog: options.catalog },
      async (document, diagnostics) => {
        const ranges: { first: number; last: number; record: LdifRecord }[] = [];
        for (const record of document.ldif.records) {
          const at = index++;
          if (options.only && !options.only.has(at)) continue;
          records++;
          hazards.see(record, {
            file: input.file,
            index: at,
            line: (record.dn?.line.range.start.line ?? record.range.start.line) + 1,
          });
          ranges.push({ first: record.range.start.line, last: record.range.end.line, record });
          for (const { range, ...found } of await localFiles.inspect(record, input.baseDir)) {
            const key = found.check.path ?? found.url;
            if (found.check.ok === false) diagnostics.push(localFileDiagnostic(found.check.problem, range, 'error'));
            if (seen.has(key)) continue;
            seen.add(key);
            if (uses.length < MAX_KEPT) uses.push({ file: input.file, ...found });
          }
        }
        for (const diagnostic of applySettings(diagnostics, settings)) {
          if (diagnostic.severity !== 'error') continue;
          const line = diagnostic.range.start.line;
          const owner = ranges.find((range) => line >= range.first && line <= range.last);
          // An editor selection: only the chosen records' errors count.
          if (options.only && !owner) continue;
          blockingCount++;
          if (blocking.length < MAX_KEPT)
            blocking.push({
              file: input.file,
              diagnostic: owner ? withheld(diagnostic, recordSecrets(owner.record)) : diagnostic,
            });
        }
      },
      options.signal,
    );
    byFile.set(input.file, documentLevel);
    for (const diagnostic of applySettings(documentLevel, settings)) {
      if (diagnostic.severity !== 'error') continue;
      blockingCount++;
      if (blocking.length < MAX_KEPT) blocking.push({ file: input.file, diagnostic });
    }
  }
  return {
    records,
    blocking,
    blockingCount,
    localFiles: uses,
    localFileCount: seen.size,
    hazards: hazards.found,
    documentDiagnostics: (file) => byFile.get(file) ?? [],
  };
}

/** `file:line:col: error code: message`, as compilers print it (1-based). */
export function formatBlocking(problem: BlockingProblem): string {
  const { start } = problem.diagnostic.range;
  return `${problem.file ?? 'untitled'}:${start.line + 1}:${start.character + 1}: ${problem.diagnostic.severity} ${problem.diagnostic.code}: ${problem.diagnostic.message}`;
}

/**
 * Validates one input piece by piece: `onPiece` gets each piece's parser problems and
 * record-rule findings as it is read; the checks across records run at the end on the winsync
 * records kept meanwhile, and their findings are returned. `check` and the preflight share it.
 */
export async function checkPieces(
  pieces: Iterable<TextPart> | AsyncIterable<TextPart>,
  context: RuleContext,
  onPiece: (document: ParsedDocument, diagnostics: Diagnostic[]) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<Diagnostic[]> {
  const check = new PartsCheck(context);
  for await (const piece of pieces) {
    // Synchronous file reads and parsing never reach the event loop on their own: let a signal,
    // or the bind's answer that a concurrent connection waits for, in between pieces.
    if (signal) await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted)
      throw new ApplyError({
        kind: 'cancelled',
        cause: 'Cancelled while checking the input; nothing was sent.',
        remedy: advice('Run again when ready.'),
      });
    const { document, syntax, records } = check.read(piece);
    await onPiece(document, [...syntax, ...records]);
  }
  return [...check.mixedRecords(), ...check.acrossRecords()];
}

function withheld(diagnostic: Diagnostic, secrets: readonly string[]): Diagnostic {
  if (secrets.length === 0) return diagnostic;
  const message = redact(diagnostic.message, secrets);
  return message === diagnostic.message ? diagnostic : { ...diagnostic, message };
}
