import type { AttrLine } from '../../ldif/ast';
import type { AttributeSpec, Catalog } from '../../catalog';
import { createsEntry } from '../../catalog/semantics';
import { requireAttribute } from '../support/catalogValues';
import { deleteLines } from '../support/edits';
import type { Finding, RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/**
 * Single-valued in the catalog but not SINGLE-VALUE in the 389-DS schema: the server stores
 * every value and reads the first. The catalog has no field for this, so it is named here.
 */
const FIRST_VALUE_ONLY = ['nsDS5ReplicaBindDN'];

/**
 * A single-valued catalog attribute given several values by one add/content record or one
 * `add:`/`replace:` mod-spec. (Whether an `add:` meets a value already on the entry cannot be
 * known from the file.)
 */
export default {
  meta: {
    code: 'winsync/single-valued',
    group: 'values',
    severity: 'error',
    summary: 'A single-valued winsync attribute is given more than one value.',
    server:
      'The agreement is schema-checked: a second value of a SINGLE-VALUE attribute makes 389-DS refuse the change with 65. The plug-in entry stores every value, and the plug-in reads only the first.',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncAcctDisable', 'to_ad', 'both'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    const groups = createsEntry(entry.record.kind) ? contentGroups(entry) : modSpecGroups(entry);
    const found: Finding[] = [];
    for (const { name, lines } of groups) {
      if (lines.length < 2) continue;
      const spec = catalog.attribute(name);
      if (!spec || spec.entry !== entry.kind || spec.multiValued || spec.serverManaged) continue;
      const consequence = whatHappens(spec, entry, catalog);
      for (const line of lines.slice(1)) {
        found.push({
          range: line.line.range,
          message: `${spec.name} takes one value, but this ${createsEntry(entry.record.kind) ? 'record' : 'mod-spec'} gives it ${lines.length}. ${consequence}`,
          fixes: [{ title: 'Remove this value', edits: [deleteLines(line.line.range)] }],
        });
      }
    }
    return found;
  },
} satisfies RecordRule;

/** Values given together to one attribute. */
interface ValueGroup {
  readonly name: string;
  readonly lines: readonly AttrLine[];
}

/** The value lines of an add or content record, grouped by attribute type. */
function contentGroups(entry: EntryView): ValueGroup[] {
  const groups = new Map<string, AttrLine[]>();
  for (const line of entry.record.attributes) {
    const key = line.name.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.values()].map((lines) => ({ name: lines[0].name, lines }));
}

/** The values of each `add:` and `replace:` mod-spec. */
function modSpecGroups(entry: EntryView): ValueGroup[] {
  return entry.record.modifications
    .filter((spec) => spec.op === 'add' || spec.op === 'replace')
    .map((spec) => ({ name: spec.attribute.split(';')[0], lines: spec.values }));
}

function whatHappens(spec: AttributeSpec, entry: EntryView, catalog: Catalog): string {
  if (catalog.entryKind(spec.entry).acceptsAnyAttribute) {
    return 'The entry is an extensibleObject, so 389-DS stores them all, but the plug-in reads only the first value and silently ignores the others.';
  }
  if (FIRST_VALUE_ONLY.some((name) => requireAttribute(catalog, name) === spec)) {
    return '389-DS stores them all, but only the first value is used and the others are silently ignored.';
  }
  const operation = createsEntry(entry.record.kind) ? 'add' : 'modify';
  return `The schema declares it SINGLE-VALUE, so 389-DS refuses the ${operation} with 65 (Object class violation: single-valued attribute has multiple values).`;
}
