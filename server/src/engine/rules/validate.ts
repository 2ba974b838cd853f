import type { Diagnostic, Range, Severity } from '../ldif/ast';
import { CODES, DOCUMENT_RULES, RECORD_RULES } from '.';
import { DEFAULT_MAX_DIAGNOSTICS, type ValidationSettings } from './settings';
import type { RuleContext } from './types';
import type { EntryView } from '../model/entryView';

/** Diagnostics of the record rules for one record (cacheable per record). */
export function checkRecord(view: EntryView, context: RuleContext): Diagnostic[] {
  // Called for every record of a file; most rules find nothing, so only their findings are copied.
  const found: Diagnostic[] = [];
  for (const rule of view.kind === undefined ? ORDINARY_RECORD_RULES : RECORD_RULES) {
    const diagnostics = rule.check(view, context);
    for (const diagnostic of diagnostics) found.push(diagnostic);
  }
  return found;
}

/** The record rules that can find something in a record that is not a winsync entry. */
const ORDINARY_RECORD_RULES = RECORD_RULES.filter((rule) => !rule.winsyncOnly);

/** Diagnostics of the rules that compare winsync records with each other. */
export function checkEntries(views: readonly EntryView[], context: RuleContext): Diagnostic[] {
  const winsync = views.filter((view) => view.kind !== undefined);
  return DOCUMENT_RULES.flatMap((rule) => rule.check(winsync, context));
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

/** The info that stands for the diagnostics the cap left out, placed at the first of them. */
export function tooManyDiagnostics(max: number, total: number, range: Range): Diagnostic {
  return {
    code: 'winsync/too-many-diagnostics',
    severity: 'info',
    range,
    message: `Only ${max} of ${total} problems are shown (errors first, then warnings, then the rest); the first one left out is on this line. Fix these, or raise winsyncLdif.maxDiagnostics to see more.`,
  };
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
  kept.push(tooManyDiagnostics(max, total, (firstLeftOut ?? sorted[sorted.length - 1]).range));
  return kept;
}
