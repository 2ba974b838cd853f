/** The LDIF the rules' documented examples are made of (each rule's `meta.example`), and the schema the schema rules' examples need. */
import type { SubschemaDefinitions } from '../../schema/schema';

export const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';
export const AGREEMENT_DN = 'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
export const USER_DN = 'dn: uid=jsmith,ou=People,dc=example,dc=com';
export const PERSON_DN = 'dn: cn=Jane Smith,ou=People,dc=example,dc=com';

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

/** RFC 4517's syntax OIDs share this prefix. */
const SYNTAX = '1.3.6.1.4.1.1466.115.121.1';

/**
 * Definitions of a server's schema for the schema rules' examples, written here after RFC 4512,
 * 4519, 2798 and 2307 with the class lists shortened to what the examples use (a server's own
 * schema files are not copied). Each rule's `exampleSchema` names the ones its example needs.
 */
const EXAMPLE_TYPES = {
  objectClass: `( 2.5.4.0 NAME 'objectClass' EQUALITY objectIdentifierMatch SYNTAX ${SYNTAX}.38 )`,
  cn: `( 2.5.4.3 NAME ( 'cn' 'commonName' ) EQUALITY caseIgnoreMatch SYNTAX ${SYNTAX}.15 )`,
  sn: `( 2.5.4.4 NAME ( 'sn' 'surname' ) EQUALITY caseIgnoreMatch SYNTAX ${SYNTAX}.15 )`,
  description: `( 2.5.4.13 NAME 'description' EQUALITY caseIgnoreMatch SYNTAX ${SYNTAX}.15 )`,
  mail: `( 0.9.2342.19200300.100.1.3 NAME ( 'mail' 'rfc822Mailbox' ) EQUALITY caseIgnoreIA5Match SYNTAX ${SYNTAX}.26 )`,
  uidNumber: `( 1.3.6.1.1.1.1.0 NAME 'uidNumber' EQUALITY integerMatch SYNTAX ${SYNTAX}.27 SINGLE-VALUE )`,
  modifyTimestamp: `( 2.5.18.2 NAME 'modifyTimestamp' EQUALITY generalizedTimeMatch SYNTAX ${SYNTAX}.24 SINGLE-VALUE NO-USER-MODIFICATION USAGE directoryOperation )`,
};

const EXAMPLE_CLASSES = {
  top: `( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass )`,
  person: `( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) MAY description )`,
  organizationalPerson: `( 2.5.6.7 NAME 'organizationalPerson' SUP person STRUCTURAL )`,
  inetOrgPerson: `( 2.16.840.1.113730.3.2.2 NAME 'inetOrgPerson' SUP organizationalPerson STRUCTURAL MAY mail )`,
};

/** A schema of the named example definitions. */
export function exampleSchema(
  attributeTypes: readonly (keyof typeof EXAMPLE_TYPES)[],
  objectClasses: readonly (keyof typeof EXAMPLE_CLASSES)[] = [],
): SubschemaDefinitions {
  return {
    attributeTypes: attributeTypes.map((name) => EXAMPLE_TYPES[name]),
    objectClasses: objectClasses.map((name) => EXAMPLE_CLASSES[name]),
  };
}

/** An add of a person with the attributes its classes require, but for those named in `omit`, and `extra` lines after them. */
export function personAddExample(extra: readonly string[] = [], omit: readonly string[] = []): string[] {
  const lines = ['objectClass: top', 'objectClass: person', 'cn: Jane Smith', 'sn: Smith'];
  return [
    PERSON_DN,
    'changetype: add',
    ...lines.filter((line) => !omit.includes(line.slice(0, line.indexOf(':')))),
    ...extra,
  ];
}

/** The attribute types an add of a person (classes top and person) needs. */
export const PERSON_TYPES = ['objectClass', 'cn', 'sn', 'description'] as const;
