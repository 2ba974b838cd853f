import type { Diagnostic, Severity } from '../ldif/ast';
import { CODES, DOCUMENT_RULES, RECORD_RULES } from '.';
import { DEFAULT_MAX_DIAGNOSTICS, type ValidationSettings } from './settings';
import type { EntryView, RuleContext } from './types';

/** Diagnostics of the record rules for one record (cacheable per record). */
export function checkRecord(view: EntryView, context: RuleContext): Diagnostic[] {
  // Called for every record of a file; most rules find nothing, so only their findings are copied.
  const found: Diagnostic[] = [];
  for (const rule of RECORD_RULES) {
    const diagnostics = rule.check(view, context);
    for (const diagnostic of diagnostics) found.push(diagnostic);
  }
  return found;
}

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
  return shaped.length <= max ? shaped : capped(shaped, max);
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The `max` most severe of position-sorted diagnostics (errors, then warnings, infos, hints;
 * the earliest of each), still in position order, and one info saying how many were left out:
 * a file with thousands of warnings must not hide its errors.
 */
function capped(sorted: readonly Diagnostic[], max: number): Diagnostic[] {
  const counts = [0, 0, 0, 0];
  for (const diagnostic of sorted) counts[RANK[diagnostic.severity]]++;
  let cutoff = 0;
  let room = max;
  while (counts[cutoff] <= room) room -= counts[cutoff++];
  const kept: Diagnostic[] = [];
  let firstLeftOut: Diagnostic | undefined;
  for (const diagnostic of sorted) {
    const rank = RANK[diagnostic.severity];
    if (rank < cutoff || (rank === cutoff && room > 0)) {
      kept.push(diagnostic);
      if (rank === cutoff) room--;
    } else firstLeftOut ??= diagnostic;
  }
  kept.push({
    code: 'winsync/too-many-diagnostics',
    severity: 'info',
    range: (firstLeftOut ?? kept[kept.length - 1]).range,
    message: `Only ${max} of ${sorted.length} problems are shown (errors first, then warnings, then the rest); the first one left out is on this line. Fix these, or raise winsyncLdif.maxDiagnostics to see more.`,
  });
  return kept;
}
