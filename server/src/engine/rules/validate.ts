/**
 * Reporting: runs the rules, turns what they find into diagnostics with the code and severity
 * their registry entry declares, and shapes the result by the user's settings (severity per
 * code, groups switched off, the cap).
 */
import type { Diagnostic, Range, Severity } from '../ldif/ast';
import type { SyntaxFinding } from '../ldif/findings';
import type { EntryView } from '../model/entryView';
import type { SchemaEntry } from '../schema/entry';
import type { Finding as SchemaFinding } from '../schema/findings';
import type { Schema } from '../schema/schema';
import { CODES, DOCUMENT_RULES, RECORD_RULES, SYNTAX_RULES } from '.';
import { schemaMessage, schemaVerdict } from './support/againstSchema';
import type { Finding, RuleContext, RuleGroup, RuleMeta, SyntaxRule } from './types';
import tooManyDiagnostics, { tooManyMessage } from './winsync/too-many-diagnostics';

/** User settings that shape validation (`winsyncLdif.*` in VS Code, flags in the CLI). */
export interface ValidationSettings {
  /** Per-code severity, or `off` to drop the code. */
  readonly severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Groups whose codes are dropped. */
  readonly disabledGroups?: readonly RuleGroup[];
  /** At most this many diagnostics per document; the rest are summarised in one. */
  readonly maxDiagnostics?: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** A finding as a diagnostic of the rule's code, at the rule's severity (or its milder or stricter one). */
export function report(meta: RuleMeta, finding: Finding): Diagnostic {
  if (finding.mild && !meta.milder)
    throw new Error(`rule ${meta.code} reported a mild finding but declares no milder severity`);
  if (finding.strict && !meta.stricter)
    throw new Error(`rule ${meta.code} reported a strict finding but declares no stricter severity`);
  return {
    code: meta.code,
    severity:
      finding.mild && meta.milder
        ? meta.milder.severity
        : finding.strict && meta.stricter
          ? meta.stricter.severity
          : meta.severity,
    range: finding.range,
    message: finding.message,
    ...(finding.fixes !== undefined && { fixes: finding.fixes }),
  };
}

/** The parser's findings as diagnostics, worded by the rule of each code. */
export function syntaxDiagnostics(findings: readonly SyntaxFinding[]): Diagnostic[] {
  // A loop, not map over a spread: a file of a million bad lines has a million findings.
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    // Each finding goes to the rule of its own code; TypeScript cannot follow that through the lookup.
    const rule = SYNTAX_RULES[finding.code] as SyntaxRule;
    const fixes = rule.fixes?.(finding);
    diagnostics.push(
      report(rule.meta, { range: finding.range, message: rule.message(finding), ...(fixes && { fixes }) }),
    );
  }
  return diagnostics;
}

/** Diagnostics of the record rules for one record (cacheable per record); the schema rules' come from `checkRecordAgainstSchema`. */
export function checkRecord(view: EntryView, context: RuleContext): Diagnostic[] {
  // Called for every record of a file; most rules find nothing, so only their findings are copied.
  const found: Diagnostic[] = [];
  const ordinary = view.kind === undefined;
  const { traits } = view.record;
  for (const rule of RECORD_RULES) {
    // Rules that cannot find anything in the record skip it: most records are ordinary and have no trait.
    if ((ordinary && rule.winsyncOnly) || (rule.onlyWithTraits !== undefined && (rule.onlyWithTraits & traits) === 0))
      continue;
    const findings = rule.check(view, context);
    for (const finding of findings) found.push(report(rule.meta, finding));
  }
  return found;
}

/**
 * Diagnostics of the schema rules for one record (cacheable per record and schema): the record
 * played as 389-DS plays it, each problem reported by the rule that found it. The winsync catalog
 * stays the authority on meaning: a line its rules report (`recordDiagnostics`, what
 * `checkRecord` gave) gets no schema diagnostic. `current`: the entry as the server holds it,
 * when it was read (the dry run's case).
 */
export function checkRecordAgainstSchema(
  view: EntryView,
  context: RuleContext & { readonly schema: Schema },
  recordDiagnostics: readonly Diagnostic[],
  current?: SchemaEntry,
): readonly Diagnostic[] {
  const verdict = schemaVerdict(view, context.schema, context.catalog, current);
  if (!verdict || verdict.findings.length === 0) return NONE;
  const catalogLines = new Set<number>();
  for (const diagnostic of recordDiagnostics)
    if (!diagnostic.code.startsWith('ldif/') || SERVER_ANSWER_CODES.has(diagnostic.code))
      catalogLines.add(diagnostic.range.start.line);
  const found: Diagnostic[] = [];
  for (const finding of verdict.findings) {
    // What the server refuses without a schema (increment:, add: without values) its ldif rule reports always.
    if (!finding.check.code.startsWith('schema/')) continue;
    const range = finding.range ?? view.record.dn?.nameRange;
    if (!range || catalogLines.has(range.start.line)) continue;
    const message = schemaMessage(finding, verdict, view.record);
    found.push(report(finding.check, { range, message, ...severityOf(finding) }));
  }
  return found;
}

/** The ldif/ codes that already say what 389-DS answers, as the schema check would on the same line. */
const SERVER_ANSWER_CODES = new Set(['ldif/duplicate-value']);

/** Nearly every record has nothing to say: one shared empty list instead of one each. */
const NONE: readonly Diagnostic[] = Object.freeze([]);

/** A schema finding's severity, when it is not its rule's default, as the rule declares it. */
function severityOf({ check, severity }: SchemaFinding): Pick<Finding, 'mild' | 'strict'> {
  if (severity === undefined || severity === check.severity) return {};
  if (severity === check.milder?.severity) return { mild: true };
  if (severity === check.stricter?.severity) return { strict: true };
  throw new Error(`rule ${check.code} found a problem of severity ${severity}, which it does not declare`);
}

/** Diagnostics of the rules that compare winsync records with each other. */
export function checkEntries(views: readonly EntryView[], context: RuleContext): Diagnostic[] {
  const winsync = views.filter((view) => view.kind !== undefined);
  return DOCUMENT_RULES.flatMap((rule) => rule.check(winsync, context).map((finding) => report(rule.meta, finding)));
}

/** Drops switched-off codes and groups, applies severity overrides and the cap, sorts by position. */
export function applySettings(diagnostics: readonly Diagnostic[], settings: ValidationSettings): Diagnostic[] {
  const disabled = new Set(settings.disabledGroups ?? []);
  const shaped: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = settings.severity?.[diagnostic.code];
    if (override === 'off') continue;
    const group = CODES[diagnostic.code]?.group;
    if (group && disabled.has(group)) continue;
    shaped.push(override ? { ...diagnostic, severity: override } : diagnostic);
  }
  shaped.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const max = settings.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  return shaped.length <= max ? shaped : capSorted(shaped, max, countByRank(shaped));
}

/** Errors first, then warnings, infos and hints: the order in which the cap keeps diagnostics. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Where the cap cuts, from the number of diagnostics of each rank: all of a rank below `cutoff`
 * stay, and the first `room` (by position) of rank `cutoff`.
 */
export function capCut(counts: readonly number[], max: number): { cutoff: number; room: number } {
  let cutoff = 0;
  let room = max;
  while (cutoff < counts.length && counts[cutoff] <= room) room -= counts[cutoff++];
  return { cutoff, room };
}

/** How many diagnostics there are of each severity rank. */
export function countByRank(diagnostics: readonly Diagnostic[]): number[] {
  const counts = [0, 0, 0, 0];
  for (const diagnostic of diagnostics) counts[SEVERITY_RANK[diagnostic.severity]]++;
  return counts;
}

/**
 * The `max` most severe of position-sorted diagnostics (the earliest of each severity), still
 * in position order, and one info saying how many were left out: a file with thousands of
 * warnings must not hide its errors. `counts` are of all the diagnostics, so `sorted` may be a
 * part that holds every one that can be kept and the first one left out.
 */
export function capSorted(sorted: readonly Diagnostic[], max: number, counts: readonly number[]): Diagnostic[] {
  const { cutoff, room: roomAtCutoff } = capCut(counts, max);
  let room = roomAtCutoff;
  const kept: Diagnostic[] = [];
  let firstLeftOut: Diagnostic | undefined;
  for (const diagnostic of sorted) {
    const rank = SEVERITY_RANK[diagnostic.severity];
    if (rank < cutoff || (rank === cutoff && room > 0)) {
      kept.push(diagnostic);
      if (rank === cutoff) room--;
    } else firstLeftOut ??= diagnostic;
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  kept.push(leftOut(max, total, (firstLeftOut ?? sorted[sorted.length - 1]).range));
  return kept;
}

/** The info that stands for the diagnostics the cap left out, placed at the first of them. */
function leftOut(max: number, total: number, range: Range): Diagnostic {
  return report(tooManyDiagnostics.meta, { range, message: tooManyMessage(max, total) });
}
