/** Sentences that several rules' messages share. */
import type { AttributeSpec, EntryKind } from '../../catalog';
import { reactionFor } from '../../catalog/semantics';
import type { LdifRecord } from '../../ldif/ast';
import { splitFirstSentence } from '../../util/sentences';

/** What the server does with a bad value of this attribute in this kind of record, as one sentence. */
export function badValueConsequence(spec: AttributeSpec, record: LdifRecord): string {
  return reactionFor(spec, record.kind).note;
}

/** The first sentence of an attribute's documentation, without markdown, for messages. */
export function docSummary(spec: AttributeSpec): string {
  return splitFirstSentence(spec.doc.replace(/`/g, ''))[0];
}

/** Where each winsync entry kind lives, for messages that send an attribute to the right entry. */
export const ENTRY_LOCATION: Readonly<Record<EntryKind, string>> = {
  'ipa-winsync': 'the ipa-winsync plug-in entry cn=ipa-winsync,cn=plugins,cn=config',
  agreement: 'the sync agreement entry cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config',
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
