import type { Diagnostic } from '../ldif/ast';
import { CODES, DOCUMENT_RULES, RECORD_RULES } from '.';
import { DEFAULT_MAX_DIAGNOSTICS, type ValidationSettings } from './settings';
import type { EntryView, RuleContext } from './types';

/** Diagnostics of the record rules for one record (cacheable per record). */
export function checkRecord(view: EntryView, context: RuleContext): Diagnostic[] {
  return RECORD_RULES.flatMap((rule) => rule.check(view, context));
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
  if (shaped.length <= max) return shaped;
  const kept = shaped.slice(0, max);
  const last = kept[kept.length - 1];
  kept.push({
    code: 'winsync/too-many-diagnostics',
    severity: 'info',
    range: last.range,
    message: `Showing the first ${max} of ${shaped.length} problems; fix these or raise the limit (winsyncLdif.maxDiagnostics / --max-diagnostics) to see the rest.`,
  });
  return kept;
}
