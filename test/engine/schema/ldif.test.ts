import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSchemaLdif } from '../../../server/src/engine/schema/ldif';
import { buildSchema } from '../../../server/src/engine/schema/schema';

test('a schema dump as ldapsearch prints it: comments, version, folded lines, base64, several files joined', () => {
  const dump = [
    '# extended LDIF',
    '#',
    'version: 1',
    '',
    '# schema',
    'dn: cn=schema',
    "attributeTypes: ( 2.5.4.3 NAME ( 'cn' 'commonName' )  SUP name X-ORIGIN 'RFC 4519' X-D",
    " EPRECATED 'commonName' )",
    "attributeTypes: ( 2.5.4.41 NAME 'name' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )",
    `objectClasses:: ${Buffer.from("( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass X-ORIGIN 'RFC 4512 é' )").toString('base64')}`,
    "ldapSyntaxes: ( 1.3.6.1.4.1.1466.115.121.1.15 DESC 'Directory String' )",
    "matchingRules: ( 2.5.13.2 NAME 'caseIgnoreMatch' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )",
    '',
    '# search result',
    '# numResponses: 2',
    '',
  ].join('\n');
  const file = "dn: cn=schema\nobjectClasses: ( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST ( sn $ cn ) )\n";
  const rootDse = 'dn:\nvendorVersion: 389-Directory/2.3.1 B2025.016.1616\n';
  const read = readSchemaLdif([dump, file, rootDse]);
  assert.deepEqual(read.counts, { attributeTypes: 2, objectClasses: 2, ldapSyntaxes: 1, matchingRules: 1 });
  assert.equal(read.vendorVersion, '389-Directory/2.3.1 B2025.016.1616');
  const schema = buildSchema(read.definitions, { vendorVersion: read.vendorVersion });
  assert.deepEqual(schema.problems, []);
  assert.deepEqual(schema.attributeType('commonName')?.definition.extensions.get('X-DEPRECATED'), ['commonName']);
  assert.deepEqual(schema.objectClass('top')?.origins, ['RFC 4512 é']);
  assert.deepEqual(schema.objectClass('person')?.required, ['sn', 'cn', 'objectClass']);
});

test('a schema change file (changetype: modify, add: attributeTypes) counts too; other text gives nothing', () => {
  const change = "dn: cn=schema\nchangetype: modify\nadd: attributeTypes\nattributeTypes: ( 1.2.3 NAME 'x' )\n-\n";
  assert.equal(readSchemaLdif([change]).counts.attributeTypes, 1);
  assert.deepEqual(readSchemaLdif(['dn: cn=a,dc=b\ncn: a\n']).counts, {
    attributeTypes: 0,
    objectClasses: 0,
    ldapSyntaxes: 0,
    matchingRules: 0,
  });
});
