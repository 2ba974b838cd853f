import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dnKey, parentDn, renamedDn } from '../../server/src/apply/dnText';

test('the parent is the DN text after the first RDN, escapes kept', () => {
  assert.equal(parentDn('uid=a\\,b,ou=People,dc=x'), 'ou=People,dc=x');
  assert.equal(
    parentDn('cn=ad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config'),
    'cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  );
  assert.equal(parentDn('dc=com'), '');
});

test('a rename keeps the parent unless a new superior is given', () => {
  assert.equal(renamedDn('uid=a,ou=x,dc=y', 'uid=b', undefined), 'uid=b,ou=x,dc=y');
  assert.equal(renamedDn('uid=a,ou=x,dc=y', 'uid=b', 'ou=z,dc=y'), 'uid=b,ou=z,dc=y');
});

test('DN keys compare the forms 389-DS treats as one entry', () => {
  assert.equal(
    dnKey('CN=AD-Sync, cn=Replica,cn=dc\\=example\\,dc\\=com'),
    dnKey('cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom'),
  );
});
