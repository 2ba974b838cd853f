import type { AttributeSpec, Catalog, EntryKind } from '../../catalog';
import { replicaSuffix } from '../../dn/dn';
import type { AttrLine, Fix } from '../../ldif/ast';
import { docSummary } from '../support/wording';
import { mentionNameRange } from '../support/names';
import { createsEntry, requireChoice } from '../../catalog/semantics';
import { requireAttribute } from '../support/catalogValues';
import { insertLineAfter, lastLine } from '../support/edits';
import { effectiveChoice } from '../support/recordSettings';
import type { Finding, RecordRule } from '../types';
import type { AttributeMention, EntryView } from '../../model/entryView';
import { agreementAddExample } from '../support/examples';

/**
 * An add (or content record) of a winsync entry that lacks an attribute the server needs,
 * or a modify of the plug-in entry that removes one the plug-in checks on every change.
 * The server gives no reason for either, so the message is the only explanation.
 */
export default {
  meta: {
    code: 'winsync/missing-required',
    group: 'structure',
    severity: 'error',
    summary: 'A winsync entry lacks, or a change removes, an attribute the server requires.',
    server:
      'An agreement added without host, port, replicated suffix or (with a SIMPLE bind) bind DN and password is refused with 53 and no reason. The ipa-winsync plug-in refuses a modify that removes a setting it needs, and does not start with an incomplete entry.',
    example: agreementAddExample(['nsDS5ReplicaRoot']),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    if (createsEntry(entry.record.kind)) return missingOnAdd(entry, entry.kind, catalog);
    if (entry.record.kind === 'modify') return removedByModify(entry, catalog);
    return [];
  },
} satisfies RecordRule;

function missingOnAdd(entry: EntryView, kind: EntryKind, catalog: Catalog): Finding[] {
  const { record } = entry;
  const dn = record.dn;
  if (!dn) return [];
  const present = new Set(record.attributes.map((line) => line.name.toLowerCase()));
  const needsCredentials = kind === 'agreement' && simpleBind(entry, catalog);
  // The replicated suffix is already spelt out in the agreement's DN.
  const root = requireAttribute(catalog, 'nsDS5ReplicaRoot');
  const after = lastLine(record);
  const found: Finding[] = [];
  for (const spec of catalog.attributesOf(kind)) {
    const required = spec.requiredOnAdd === true || (spec.requiredOnAdd === 'simple-bind' && needsCredentials);
    if (!required || present.has(spec.name.toLowerCase())) continue;
    const value = spec.default ?? (spec === root ? replicaSuffix(dn.value ?? '')?.suffix : undefined);
    found.push({
      range: dn.line.range,
      message: `Missing ${spec.name}. ${why(spec, entry)} ${spec.name}: ${docSummary(spec)}`,
      ...(value !== undefined && after ? { fixes: [insertFix(after, spec, value)] } : {}),
    });
  }
  return found;
}

function why(spec: AttributeSpec, entry: EntryView): string {
  if (entry.kind === 'ipa-winsync') {
    return `The ipa-winsync plug-in checks its whole entry: without it the check fails with "Error: no value given for ${spec.name}", and the plug-in does not start.`;
  }
  const create = entry.record.kind === 'add' ? 'refuses the add' : 'refuses to add this entry';
  if (spec.requiredOnAdd === 'simple-bind') {
    return `With a SIMPLE or SASL/DIGEST-MD5 bind (SIMPLE is the default) an agreement needs both a bind DN and a password; 389-DS ${create} with 53 (Unwilling to perform) and no reason — only its errors log says what is missing.`;
  }
  return `Every sync agreement needs it; 389-DS ${create} with 53 (Unwilling to perform) and no reason — only its errors log says what is missing.`;
}

/** Whether the agreement binds with a method that needs a bind DN and password. */
function simpleBind(entry: EntryView, catalog: Catalog): boolean {
  const method = requireAttribute(catalog, 'nsDS5ReplicaBindMethod');
  const effective = effectiveChoice(entry, method);
  return effective === requireChoice(method, 'SIMPLE') || effective === requireChoice(method, 'SASL/DIGEST-MD5');
}

function insertFix(after: AttrLine, spec: AttributeSpec, value: string): Fix {
  return {
    title: `Add ${spec.name}: ${value}`,
    edits: [insertLineAfter(after, `${spec.name}: ${value}`)],
    preferred: true,
  };
}

/** Plug-in attributes a modify leaves without values (the last mod-spec naming them removes them all). */
function removedByModify(entry: EntryView, catalog: Catalog): Finding[] {
  const last = new Map<string, AttributeMention>();
  for (const mention of entry.mentions) last.set(mention.name.toLowerCase(), mention);
  const found: Finding[] = [];
  for (const mention of last.values()) {
    const spec = catalog.attribute(mention.name);
    if (!spec?.requiredAlways || spec.entry !== entry.kind || mention.values.length > 0) continue;
    if (mention.op !== 'delete' && mention.op !== 'replace') continue;
    found.push({
      range: mentionNameRange(mention),
      message: `This modify leaves the plug-in entry without ${spec.name}, which the ipa-winsync plug-in requires: it refuses the change with 53 (Unwilling to perform) "Error: no value given for ${spec.name}". To change the setting, replace it with the new value instead.`,
    });
  }
  return found;
}
