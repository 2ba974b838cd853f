import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'dn/agreement-parent';

test('an unescaped suffix RDN in an agreement DN is an error (32) covering the split suffix, with an escaping fix', () => {
  const text = agreementAdd({ dn: 'dn: cn=ad-sync,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config' });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'cn=dc=example,dc=com');
  assert.match(
    d.message,
    /not escaped: "cn=dc=example,dc=com" falls apart into several RDNs, so the DN names a different entry and 389-DS answers 32 \(No such object\)/,
  );
  assert.match(d.message, /cn=dc\\3Dexample\\2Cdc\\3Dcom/);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes?.[0])[0], AGREEMENT_DN);
});

test('the replica entry and changes to existing agreements get the escaping check too', () => {
  const replica = [
    'dn: cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config',
    'changetype: modify',
    'replace: nsDS5Flags',
    'nsDS5Flags: 1',
    '-',
  ];
  const [d] = diagnose(replica, CODE);
  assert.equal(covered(replica, d), 'cn=dc=example,dc=com');
  const modify = [
    'dn: cn=ad-sync,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config',
    'changetype: modify',
    'replace: winSyncInterval',
    'winSyncInterval: 600',
    '-',
  ];
  assert.equal(diagnose(modify, CODE).length, 1);
});

test('an agreement added outside a replica entry is an error naming its parent', () => {
  const text = agreementAdd({ dn: 'dn: cn=ad-sync,cn=mapping tree,cn=config' });
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'cn=ad-sync,cn=mapping tree,cn=config');
  assert.match(
    d.message,
    /must be a child of its replica entry, cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config, but this one's parent is cn=mapping tree,cn=config\./,
  );
  const nested = agreementAdd({
    dn: 'dn: cn=ad-sync,cn=extra,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  });
  assert.match(diagnose(nested, CODE)[0].message, /parent is cn=extra,cn=replica,/);
});

test('escaped, backslash-escaped and legacy quoted suffixes are fine, as are ordinary entries', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(
    diagnose(
      agreementAdd({ dn: 'dn: cn=ad-sync,cn=replica,cn=dc\\=example\\,dc\\=com,cn=mapping tree,cn=config' }),
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(agreementAdd({ dn: 'dn: cn=ad-sync,cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=config' }), CODE),
    [],
  );
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
        'objectClass: nsMappingTree',
        'cn: dc=example,dc=com',
      ],
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(['dn: uid=jdoe,ou=People,dc=example,dc=com', 'objectClass: person', 'cn: J', 'sn: D'], CODE),
    [],
  );
});

test('a base64 DN is reported on its whole value and the fix re-encodes the escaped DN', () => {
  const unescaped = 'cn=ad-sync,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config';
  const text = agreementAdd({ dn: `dn:: ${Buffer.from(unescaped).toString('base64')}` });
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), Buffer.from(unescaped).toString('base64'));
  const fixed = applyFix(text, d.fixes?.[0])[0];
  assert.equal(Buffer.from(fixed.slice('dn:: '.length), 'base64').toString(), AGREEMENT_DN.slice('dn: '.length));
});
