import type { AttributeSpec } from '../../catalog';
import type { AttrLine } from '../../ldif/ast';
import { createsEntry, matchChoice, reactionFor } from '../../catalog/semantics';
import type { AttributeMention, EntryView } from '../../model/entryView';

/** What one record does to a single-valued attribute. */
export type RecordSetting =
  { readonly kind: 'set'; readonly line: AttrLine } | { readonly kind: 'removed'; readonly mention: AttributeMention };

/**
 * How a record leaves a single-valued attribute: the first line of a content or add
 * record (the server reads the first value), or the outcome of the last mod-spec naming
 * it; undefined when the record does not touch it.
 */
export function settingOf(entry: EntryView, name: string): RecordSetting | undefined {
  const lower = name.toLowerCase();
  let setting: RecordSetting | undefined;
  for (const mention of entry.mentions) {
    if (mention.name.toLowerCase() !== lower) continue;
    if (mention.op === 'content') {
      setting ??= { kind: 'set', line: mention.line };
    } else if ((mention.op === 'add' || mention.op === 'replace') && mention.values.length > 0) {
      setting = { kind: 'set', line: mention.values[0] };
    } else if (mention.op === 'delete' || mention.op === 'replace') {
      setting = { kind: 'removed', mention };
    }
  }
  return setting;
}

/**
 * The enumerated value the server acts on after this record: the written choice, the
 * server's fallback for an unknown value, or the default when the attribute is absent.
 * Undefined when a modify leaves the attribute untouched (the entry's value is unknown).
 */
export function effectiveChoice(entry: EntryView, spec: AttributeSpec): string | undefined {
  const setting = settingOf(entry, spec.name);
  if (setting?.kind === 'set') {
    const value = setting.line.value;
    return (
      (value === undefined ? undefined : matchChoice(spec, value)?.value) ??
      reactionFor(spec, entry.record.kind).fallback ??
      spec.default
    );
  }
  if (setting?.kind === 'removed' || createsEntry(entry.record.kind)) return spec.default;
  return undefined;
}

/** True when the mention puts values into the entry (not a removal). */
export function writesValues(mention: AttributeMention): boolean {
  return mention.op !== 'delete' && mention.values.length > 0;
}
