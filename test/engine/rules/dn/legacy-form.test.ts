import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

function dnCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('dn/'));
}

test('the legacy quoted suffix RDN is information saying what 389-DS stores, with the RFC 4514 rewrite as fix', () => {
  const text = [
    'dn: cn=ad-sync,cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=config',
    'changetype: modify',
    'replace: winSyncInterval',
    'winSyncInterval: 300',
    '-',
  ];
  const found = dnCodes(text);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.code, 'dn/legacy-form');
  assert.equal(d.severity, 'info');
  assert.equal(covered(text, d), '"dc=example,dc=com"');
  assert.match(d.message, /389-DS accepts the quoted \(RFC 1779\) form and stores it as cn=dc\\3Dexample\\2Cdc\\3Dcom/);
  assert.equal(applyFix(text, d.fixes![0])[0], AGREEMENT_DN);
});

test('";" between RDNs and spaces around separators are legacy forms, one diagnostic each with its own fix', () => {
  const text = ['dn: uid=jdoe;ou=People, dc=example,dc=com', 'changetype: delete'];
  const found = diagnose(text, 'dn/legacy-form');
  assert.deepEqual(
    found.map((d) => covered(text, d)),
    [';', ', '],
  );
  assert.deepEqual(
    found.map((d) => d.fixes?.[0].edits[0].newText),
    [',', ','],
  );
  assert.match(found[0].message, /389-DS reads it as ','/);
});

test('trailing spaces of a DN are left to ldif/trailing-space (no second diagnostic)', () => {
  const text = ['dn: cn=x,dc=example,dc=com  ', 'changetype: delete'];
  assert.deepEqual(dnCodes(text), []);
  assert.equal(diagnose(text, 'ldif/trailing-space').length, 1);
});
