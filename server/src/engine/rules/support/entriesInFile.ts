import type { EntryKind } from '../../catalog';
import { normalizeDn } from '../../dn/dn';
import type { AttrLine } from '../../ldif/ast';
import type { EntryView } from '../../model/entryView';

/** The records of one file that target the same winsync entry, in file order. */
export interface EntryInFile {
  readonly kind: EntryKind;
  /** The normalised DN they share. */
  readonly dn: string;
  /** The DN as written in the first record. */
  readonly writtenDn: string;
  readonly views: readonly EntryView[];
}

/** Groups winsync records by the entry they target (DNs compared in normalised form). */
export function entriesInFile(views: readonly EntryView[], kind: EntryKind): EntryInFile[] {
  const byDn = new Map<string, { kind: EntryKind; dn: string; writtenDn: string; views: EntryView[] }>();
  for (const view of views) {
    const written = view.record.dn?.value;
    if (view.kind !== kind || written === undefined) continue;
    const dn = normalizeDn(written);
    if (dn === undefined) continue;
    const group = byDn.get(dn);
    if (group) group.views.push(view);
    else byDn.set(dn, { kind, dn, writtenDn: written, views: [view] });
  }
  return [...byDn.values()];
}

/**
 * The value lines of an attribute the file leaves on the entry, replaying its records
 * in order: a content or add record sets the whole entry, a delete removes it, and
 * mod-specs add, replace and delete values. Values compare without case.
 */
export function finalValues(entry: EntryInFile, name: string): AttrLine[] {
  const lower = name.toLowerCase();
  let values: AttrLine[] = [];
  for (const view of entry.views) {
    const { record } = view;
    if (record.kind === 'delete') values = [];
    if (record.kind === 'content' || record.kind === 'add')
      values = record.attributes.filter((line) => line.name.toLowerCase() === lower);
    for (const mention of view.mentions) {
      if (mention.op === 'content' || mention.name.toLowerCase() !== lower) continue;
      if (mention.op === 'replace') values = [...mention.values];
      else if (mention.op === 'add') values = [...values, ...mention.values];
      else if (mention.op === 'delete')
        values =
          mention.values.length === 0
            ? []
            : values.filter((line) => !mention.values.some((gone) => sameValue(gone, line)));
    }
  }
  return values;
}

function sameValue(a: AttrLine, b: AttrLine): boolean {
  return a.value !== undefined && b.value !== undefined && a.value.toLowerCase() === b.value.toLowerCase();
}
