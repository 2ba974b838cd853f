/** The LDIF the rules' documented examples are made of (each rule's `meta.example`). */

export const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';
export const AGREEMENT_DN = 'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
export const USER_DN = 'dn: uid=jsmith,ou=People,dc=example,dc=com';

/** A mod-spec replacing an attribute's values. */
export function replaceSpec(attribute: string, ...values: string[]): string[] {
  return [`replace: ${attribute}`, ...values.map((value) => `${attribute}: ${value}`), '-'];
}

/** A modify of the entry at `dn` (a `dn:` line) replacing one attribute's values. */
export function replaceExample(dn: string, attribute: string, ...values: string[]): string[] {
  return [dn, 'changetype: modify', ...replaceSpec(attribute, ...values)];
}

/** An add of a Windows sync agreement with everything it needs, but for the attributes named in `omit`. */
export function agreementAddExample(omit: readonly string[] = []): string[] {
  const lines = [
    'objectClass: nsDSWindowsReplicationAgreement',
    'cn: ad-sync',
    'nsDS5ReplicaHost: dc1.ad.example.com',
    'nsDS5ReplicaPort: 636',
    'nsDS5ReplicaTransportInfo: LDAPS',
    'nsDS5ReplicaRoot: dc=example,dc=com',
    'nsDS5ReplicaBindDN: cn=sync,cn=Users,dc=ad,dc=example,dc=com',
    'nsDS5ReplicaCredentials: secret',
    'nsds7WindowsReplicaSubtree: cn=Users,dc=ad,dc=example,dc=com',
    'nsds7DirectoryReplicaSubtree: cn=users,cn=accounts,dc=example,dc=com',
    'nsds7WindowsDomain: ad.example.com',
  ];
  return [AGREEMENT_DN, 'changetype: add', ...lines.filter((line) => !omit.includes(line.slice(0, line.indexOf(':'))))];
}
