import type { Fix } from '../../../server/src/engine/ldif/ast';
import { AGREEMENT_DN, PLUGIN_DN } from './helpers';

/** The lines of a complete, valid agreement add, minus `omit` (attribute names), plus `extra` lines. */
export function agreementAdd({
  omit = [],
  extra = [],
  dn = AGREEMENT_DN,
}: { omit?: string[]; extra?: string[]; dn?: string } = {}): string[] {
  const lines = [
    'objectClass: top',
    'objectClass: nsDSWindowsReplicationAgreement',
    'cn: ad-sync',
    'nsDS5ReplicaRoot: dc=example,dc=com',
    'nsDS5ReplicaHost: dc1.ad.example.com',
    'nsDS5ReplicaPort: 636',
    'nsDS5ReplicaTransportInfo: LDAPS',
    'nsDS5ReplicaBindDN: cn=sync,cn=Users,dc=ad,dc=example,dc=com',
    'nsDS5ReplicaCredentials: secret',
    'nsds7WindowsReplicaSubtree: cn=Users,dc=ad,dc=example,dc=com',
    'nsds7DirectoryReplicaSubtree: ou=People,dc=example,dc=com',
    'nsds7WindowsDomain: ad.example.com',
  ].filter((line) => !omit.includes(line.slice(0, line.indexOf(':'))));
  return [dn, 'changetype: add', ...lines, ...extra];
}

/** The lines of the plug-in entry as FreeIPA ships it (ipa-winsync-conf.ldif, canonical spelling), as a content record. */
export function pluginContent({ omit = [] }: { omit?: string[] } = {}): string[] {
  const lines = [
    'objectclass: top',
    'objectclass: nsSlapdPlugin',
    'objectclass: extensibleObject',
    'cn: ipa-winsync',
    'nsslapd-pluginpath: libipa_winsync',
    'ipaWinSyncRealmFilter: (objectclass=krbRealmContainer)',
    'ipaWinSyncRealmAttr: cn',
    'ipaWinSyncNewEntryFilter: (cn=ipaConfig)',
    'ipaWinSyncNewUserOCAttr: ipauserobjectclasses',
    'ipaWinSyncUserFlatten: true',
    'ipaWinSyncHomeDirAttr: ipaHomesRootDir',
    'ipaWinSyncDefaultGroupAttr: ipaDefaultPrimaryGroup',
    'ipaWinSyncDefaultGroupFilter: (gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)',
    'ipaWinSyncAcctDisable: both',
    'ipaWinSyncForceSync: true',
  ].filter((line) => !omit.includes(line.slice(0, line.indexOf(':'))));
  return [PLUGIN_DN, ...lines];
}

/** The text after applying a fix's edits to the lines (joined with \n, with a final newline, as `diagnose` sees them). */
export function applyFix(lines: readonly string[], fix: Fix | undefined): string[] {
  if (!fix) throw new Error('expected a fix');
  const text = `${lines.join('\n')}\n`;
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of edits)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result.replace(/\n$/, '').split('\n');
}
