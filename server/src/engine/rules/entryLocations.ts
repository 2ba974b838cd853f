import type { EntryKind } from '../catalog';

/** Where each winsync entry kind lives, for messages that send an attribute to the right entry. */
export const ENTRY_LOCATION: Readonly<Record<EntryKind, string>> = {
  'ipa-winsync': 'the ipa-winsync plug-in entry cn=ipa-winsync,cn=plugins,cn=config',
  agreement: 'the sync agreement entry cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config',
};
