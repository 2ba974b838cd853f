import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/agreement-unknown-attribute';

test('an attribute outside the object class on an agreement is an error with the 65 the server answers', () => {
  const text = agreementAdd({ extra: ['mail: x@example.com'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'mail');
  assert.equal(d.range.start.line, text.length - 1);
  assert.match(
    d.message,
    /mail is not allowed on a Windows sync agreement: nsDSWindowsReplicationAgreement does not list it/,
  );
  assert.match(d.message, /65 \(Object class violation: attribute not allowed\)/);
  assert.equal(d.fixes, undefined);
});

test('attributes of 389-DS replication agreements are known: on Windows ones another rule reports them', () => {
  const text = agreementAdd({ extra: ['nsds5ReplicaStripAttrs: modifiersName'] });
  assert.deepEqual(diagnose(text, CODE), []);
  const [d] = diagnose(text, 'winsync/wrong-agreement-kind');
  assert.equal(covered(text, d), 'nsds5ReplicaStripAttrs');
});

test('a near miss of an agreement attribute gets a did-you-mean rename fix', () => {
  const text = agreementAdd({ omit: ['nsDS5ReplicaHost'], extra: ['nsDS5ReplicaHots: dc1.ad.example.com'] });
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /Did you mean nsDS5ReplicaHost\?/);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes?.[0]).at(-1), 'nsDS5ReplicaHost: dc1.ad.example.com');
});

test('in a mod-spec the fix renames the header and the values', () => {
  // The winSync attribute is what marks a modify below cn=replica as a Windows agreement.
  const text = [...agreementReplace('winSyncInterval', '600'), 'replace: descriptoin', 'descriptoin: AD sync', '-'];
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'descriptoin');
  assert.deepEqual(applyFix(text, d.fixes?.[0]).slice(5, 7), ['replace: description', 'description: AD sync']);
});

test('allowed, catalog, winsync-prefixed and operational attributes, removals and other entries are not reported', () => {
  assert.deepEqual(
    diagnose(
      agreementAdd({
        extra: ['description: sync to AD', 'creatorsName: cn=directory manager', 'modifyTimestamp: 20240101000000Z'],
      }),
      CODE,
    ),
    [],
  );
  // Left to unknown-attribute and wrong-entry.
  assert.deepEqual(diagnose(agreementAdd({ extra: ['winSyncFooBar: 1', 'ipaWinSyncAcctDisable: both'] }), CODE), []);
  assert.deepEqual(
    diagnose(
      [
        AGREEMENT_DN,
        'changetype: modify',
        'replace: winSyncInterval',
        'winSyncInterval: 600',
        '-',
        'delete: mail',
        '-',
      ],
      CODE,
    ),
    [],
  );
  assert.deepEqual(diagnose(pluginReplace('mail', 'x@example.com'), CODE), []);
  assert.deepEqual(
    diagnose(
      ['dn: uid=jdoe,ou=People,dc=example,dc=com', 'changetype: modify', 'replace: mail', 'mail: x@example.com', '-'],
      CODE,
    ),
    [],
  );
});
