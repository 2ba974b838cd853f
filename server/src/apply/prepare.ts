/**
 * Everything before the network: parse and validate each input, read its `:<` file values,
 * plan its records. Hosts (CLI, editor) call this, show `blocking` when it is not empty,
 * and only then connect. The engine comes in as a parameter so this module stays free of
 * any one host.
 */
import { dirname } from 'node:path';
import type { EntryKind } from '../engine/catalog';
import type { Diagnostic, LdifDocument, LdifRecord } from '../engine/ldif/ast';
import type { RecordSource } from './operations';
import { planDocument, type PlanStep } from './plan';
import { loadUrlValues } from './urlValues';

export interface ApplyInput {
  /** The name messages use (as the user gave it); undefined for an unsaved buffer. */
  readonly file: string | undefined;
  /** Absolute path, for resolving relative `file://` values; undefined for an unsaved buffer. */
  readonly path: string | undefined;
  readonly text: string;
}

/** What prepare needs of the language service (getLanguageService() satisfies it). */
export interface ApplyEngine<D extends { readonly ldif: LdifDocument; readonly views: readonly EntryKindView[] }> {
  parse(text: string): D;
  validate(document: D): Diagnostic[];
}

export interface EntryKindView {
  readonly record: LdifRecord;
  readonly kind: EntryKind | undefined;
}

export interface PreparedInput {
  readonly input: ApplyInput;
  readonly document: LdifDocument;
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface BlockingProblem {
  readonly file: string | undefined;
  readonly diagnostic: Diagnostic;
}

export interface PreparedApply {
  readonly inputs: readonly PreparedInput[];
  /** Every record of every input, in order. */
  readonly steps: readonly PlanStep[];
  /** Validation errors: applying is refused unless forced. */
  readonly blocking: readonly BlockingProblem[];
  /** The validator's findings for one record, to explain bare server errors. */
  diagnosticsFor(source: RecordSource): readonly Diagnostic[];
}

export async function prepareApply<D extends { readonly ldif: LdifDocument; readonly views: readonly EntryKindView[] }>(
  inputs: readonly ApplyInput[],
  engine: ApplyEngine<D>,
): Promise<PreparedApply> {
  const prepared: PreparedInput[] = [];
  const steps: PlanStep[] = [];
  const byRecord = new Map<string, Diagnostic[]>();
  for (const input of inputs) {
    const parsed = engine.parse(input.text);
    const document = parsed.ldif;
    const diagnostics = engine.validate(parsed);
    const kinds = new Map(parsed.views.map((view) => [view.record, view.kind]));
    const urlValues = await loadUrlValues(document, input.path ? dirname(input.path) : process.cwd());
    // A loop, not push(...): a file of a million records would exceed the argument limit.
    for (const step of planDocument(document, {
      file: input.file,
      urlValues,
      entryKindOf: (record) => kinds.get(record),
    }))
      steps.push(step);
    document.records.forEach((record, index) => {
      const inside = diagnostics.filter(
        (diagnostic) =>
          diagnostic.range.start.line >= record.range.start.line &&
          diagnostic.range.start.line <= record.range.end.line,
      );
      if (inside.length > 0) byRecord.set(recordKey(input.file, index), inside);
    });
    prepared.push({ input, document, lines: input.text.split(/\r?\n/), diagnostics });
  }
  const blocking = prepared.flatMap((item) =>
    item.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => ({ file: item.input.file, diagnostic })),
  );
  return {
    inputs: prepared,
    steps,
    blocking,
    diagnosticsFor: (source) => byRecord.get(recordKey(source.file, source.index)) ?? [],
  };
}

function recordKey(file: string | undefined, index: number): string {
  return `${file ?? ''}\u0000${index}`;
}

/** `file:line:col: error code: message`, as compilers print it (1-based). */
export function formatBlocking(problem: BlockingProblem): string {
  const { start } = problem.diagnostic.range;
  const where = `${problem.file ?? 'untitled'}:${start.line + 1}:${start.character + 1}`;
  return `${where}: ${problem.diagnostic.severity} ${problem.diagnostic.code}: ${problem.diagnostic.message}`;
}
