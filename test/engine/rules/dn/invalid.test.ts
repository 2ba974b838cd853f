import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../valueFixtures';

const SEED_DN = 'dn:,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

function dnCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('dn/'));
}

test("the IdM guide's dn:,cn=replica,… (empty first RDN) is an error on the leading comma, saying the server answers 34", () => {
  const text = [
    SEED_DN,
    'changetype: modify',
    'replace: nsds7WindowsReplicaSubtree',
    'nsds7WindowsReplicaSubtree: cn=alternateusers,dc=example,dc=com',
    '-',
  ];
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, 0);
  assert.equal(covered(text, d), ',');
  assert.match(d.message, /^Invalid DN: Empty RDN before ','/);
  assert.match(d.message, /34 \(Invalid DN syntax\)/);
  assert.match(d.message, /the entry's own RDN \(cn=<agreement name>\) is missing in front of it/);
});

test('a comma inside a value (cn=Smith, John) is an error on the piece without "=", fixed by escaping the comma', () => {
  const text = [
    'dn: cn=Smith, John,ou=People,dc=example,dc=com',
    'changetype: add',
    'objectClass: person',
    'sn: Smith',
  ];
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), 'John');
  assert.match(d.message, /Missing '=' after 'John'/);
  assert.equal(d.fixes?.length, 1);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes![0])[0], 'dn: cn=Smith\\, John,ou=People,dc=example,dc=com');
  assert.deepEqual(diagnose(applyFix(text, d.fixes![0]), 'dn/invalid'), []);
});

test('no escape fix when the piece without "=" has no value before it to belong to', () => {
  const text = ['dn: not a dn', 'changetype: delete'];
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), 'not a dn');
  assert.equal(d.fixes, undefined);
});

test('valid DNs give nothing: RFC 4514 agreement DN, escaped values, multi-valued RDN, hexstring', () => {
  for (const dn of [
    AGREEMENT_DN,
    'dn: cn=a\\,b+sn=c,dc=example,dc=com',
    'dn: cn=#04024869,dc=example,dc=com',
    'dn: cn=Ølsen,dc=example,dc=com',
  ]) {
    assert.deepEqual(dnCodes([dn, 'changetype: delete']), [], dn);
  }
});

test('newrdn must be exactly one RDN: the extra RDNs are the error, pointing at newsuperior', () => {
  const text = [
    'dn: uid=jdoe,ou=People,dc=example,dc=com',
    'changetype: modrdn',
    'newrdn: uid=john,ou=Staff',
    'deleteoldrdn: 1',
  ];
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), ',ou=Staff');
  assert.match(d.message, /newrdn must be a single RDN/);
  assert.match(d.message, /newsuperior/);
  assert.deepEqual(
    diagnose(
      ['dn: uid=jdoe,ou=People,dc=example,dc=com', 'changetype: modrdn', 'newrdn: uid=john', 'deleteoldrdn: 1'],
      'dn/invalid',
    ),
    [],
  );
});

test('an empty newrdn and a malformed newsuperior are errors', () => {
  const empty = ['dn: uid=jdoe,dc=example,dc=com', 'changetype: modrdn', 'newrdn:', 'deleteoldrdn: 1'];
  assert.match(diagnose(empty, 'dn/invalid')[0].message, /newrdn is empty/);
  const moved = [
    'dn: uid=jdoe,dc=example,dc=com',
    'changetype: moddn',
    'newrdn: uid=jdoe',
    'deleteoldrdn: 1',
    'newsuperior: ou=People,,dc=example,dc=com',
  ];
  const [d] = diagnose(moved, 'dn/invalid');
  assert.equal(d.range.start.line, 4);
  assert.equal(covered(moved, d), ',');
  assert.match(d.message, /^Invalid newsuperior: Empty RDN/);
});

test('DN-valued catalog attributes: the error covers the bad part and says what the server does in this record', () => {
  const modify = agreementReplace('nsds7WindowsReplicaSubtree', 'cn=users,,dc=x');
  const [d] = diagnose(modify, 'dn/invalid');
  assert.equal(d.range.start.line, 3);
  assert.equal(d.range.start.character, 'nsds7WindowsReplicaSubtree: cn=users,'.length);
  assert.equal(covered(modify, d), ',');
  assert.match(d.message, /^Invalid DN in nsds7WindowsReplicaSubtree: /);
  assert.match(d.message, /Any text \(or deleting it\) gets result 0/);

  const add = agreementAdd('nsDS5ReplicaBindDN: not a dn');
  const [bind] = diagnose(add, 'dn/invalid');
  assert.equal(covered(add, bind), 'not a dn');
  assert.match(bind.message, /21/);
});

test('DN attributes are not checked when deleted, on other entries, or in other attributes', () => {
  const remove = [
    AGREEMENT_DN,
    'changetype: modify',
    'delete: nsds7WindowsReplicaSubtree',
    'nsds7WindowsReplicaSubtree: not a dn',
    '-',
  ];
  assert.deepEqual(dnCodes(remove), []);
  assert.deepEqual(
    dnCodes(['dn: cn=x,dc=example,dc=com', 'changetype: add', 'objectClass: top', 'nsDS5ReplicaBindDN: not a dn']),
    [],
  );
  assert.deepEqual(dnCodes(agreementReplace('nsds7WindowsDomain', 'not a dn')), []);
});

test('an empty DN attribute value is an error on the line', () => {
  const text = agreementReplace('nsds7DirectoryReplicaSubtree', '');
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), 'nsds7DirectoryReplicaSubtree: ');
  assert.match(d.message, /Empty value for nsds7DirectoryReplicaSubtree: expected a DN/);
});

test('a base64 DN with an error is reported on the whole encoded value', () => {
  const encoded = Buffer.from('cn=a,,dc=x').toString('base64');
  const text = [`dn:: ${encoded}`, 'changetype: delete'];
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), encoded);
});

test('ranges follow folded lines', () => {
  const text = ['dn: cn=a,ou=People,', ' ,dc=example,dc=com', 'changetype: delete'];
  const [d] = diagnose(text, 'dn/invalid');
  assert.deepEqual(d.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } });
});

test('winSyncSubtreePair without ":" is an error on the whole value with the server reaction', () => {
  const text = agreementReplace('winSyncSubtreePair', 'ou=People,dc=example,dc=com');
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), 'ou=People,dc=example,dc=com');
  assert.match(
    d.message,
    /winSyncSubtreePair must be "<directory subtree DN>:<AD subtree DN>", but this value has no ':'/,
  );
  assert.match(d.message, /Ignoring invalid subtree pairs/);
});

test('a ":" inside one of the DNs is an error on that colon, fixed by writing it as \\3A', () => {
  const text = agreementReplace('winSyncSubtreePair', 'ou=a:b,dc=example,dc=com:ou=Staff,dc=ad,dc=example,dc=com');
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(d.range.start.character, 'winSyncSubtreePair: ou=a'.length);
  assert.equal(covered(text, d), ':');
  assert.match(d.message, /splits winSyncSubtreePair at every ':'/);
  assert.equal(
    applyFix(text, d.fixes![0])[3],
    'winSyncSubtreePair: ou=a\\3Ab,dc=example,dc=com:ou=Staff,dc=ad,dc=example,dc=com',
  );
  assert.deepEqual(diagnose(applyFix(text, d.fixes![0]), 'dn/invalid'), []);
});

test('several colons with no single valid split are one error without a fix', () => {
  const text = agreementReplace('winSyncSubtreePair', 'a:b:c');
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(covered(text, d), 'a:b:c');
  assert.match(d.message, /holds 2 ':' characters/);
  assert.equal(d.fixes, undefined);
});

test('both halves of a subtree pair are checked as DNs, with ranges inside the half', () => {
  const text = agreementReplace('winSyncSubtreePair', 'ou=People,dc=example,dc=com:cn=users,,dc=ad');
  const [d] = diagnose(text, 'dn/invalid');
  assert.equal(d.range.start.character, 'winSyncSubtreePair: ou=People,dc=example,dc=com:cn=users,'.length);
  assert.match(d.message, /^Invalid AD subtree DN in winSyncSubtreePair: Empty RDN/);
  const empty = agreementReplace('winSyncSubtreePair', ':ou=Staff,dc=ad');
  assert.match(diagnose(empty, 'dn/invalid')[0].message, /Missing the directory subtree DN before the ':'/);
  assert.deepEqual(
    dnCodes(agreementReplace('winSyncSubtreePair', 'ou=People,dc=example,dc=com:OU=Staff,DC=ad,DC=example,DC=com')),
    [],
  );
});
