/** Sentences that several rules' messages share. */
import type { AttributeSpec, Catalog, EntryKind } from '../../catalog';
import { createsEntry, reactionFor } from '../../catalog/semantics';
import type { EntryView } from '../../model/entryView';
import { splitFirstSentence } from '../../util/sentences';

/**
 * What the server does with a bad value of this attribute in this record, as one sentence; on an
 * entry whose refused modifies still take effect (agreements), a refusal says so too.
 */
export function badValueConsequence(
  spec: AttributeSpec,
  entry: Pick<EntryView, 'record' | 'kind'>,
  catalog: Catalog,
): string {
  const reaction = reactionFor(spec, entry.record.kind, entry.kind);
  const after =
    reaction.kind === 'rejects' && !createsEntry(entry.record.kind) && entry.kind
      ? catalog.entryKind(entry.kind).afterRefusedModify
      : undefined;
  return after ? `${reaction.note} ${after}` : reaction.note;
}

/**
 * What the server does with an attribute written on an entry whose kind does not allow it: the
 * entry kind's `foreignAttribute` reaction for this record, or, on the extensibleObject plug-in
 * entry, that it is stored and never read.
 */
export function foreignConsequence(name: string, entry: Pick<EntryView, 'record' | 'kind'>, catalog: Catalog): string {
  const foreign = entry.kind && catalog.entryKind(entry.kind).foreignAttribute;
  if (foreign) return (createsEntry(entry.record.kind) ? foreign.add : foreign.modify).note;
  return `The plug-in entry is an extensibleObject, so 389-DS stores ${name} there without complaint, but nothing reads it on that entry: the setting silently does nothing.`;
}

/** The first sentence of an attribute's documentation, without markdown, for messages. */
export function docSummary(spec: AttributeSpec): string {
  return splitFirstSentence(spec.doc.replace(/`/g, ''))[0];
}

/** Where each winsync entry kind lives, for messages that send an attribute to the right entry. */
export const ENTRY_LOCATION: Readonly<Record<EntryKind, string>> = {
  'ipa-winsync': 'the ipa-winsync plug-in entry cn=ipa-winsync,cn=plugins,cn=config',
  agreement: 'a Windows sync agreement (objectClass nsDSWindowsReplicationAgreement)',
  'replication-agreement': 'a plain replication agreement (objectClass nsds5ReplicationAgreement)',
  'any-agreement': 'a replication agreement, cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config',
};

/** What a value that names an attribute must look like. */
export const ATTRIBUTE_NAME_FORM =
  "an attribute type name (a letter, then letters, digits or '-') or a numeric OID such as 2.5.4.3";

/** Ends a message part with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** Shortens text quoted in a message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
