import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/replica-root-mismatch';

test("on add, a replica root other than the DN's suffix is an error citing the server's 53", () => {
  const text = agreementAdd({ omit: ['nsDS5ReplicaRoot'], extra: ['nsDS5ReplicaRoot: dc=other,dc=com'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'dc=other,dc=com');
  assert.match(
    d.message,
    /nsDS5ReplicaRoot "dc=other,dc=com" is not the suffix of this agreement's replica, dc=example,dc=com/,
  );
  assert.match(d.message, /53/);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes?.[0]).at(-1), 'nsDS5ReplicaRoot: dc=example,dc=com');
});

test('on modify the message says the server stores it silently', () => {
  const text = [
    ...agreementReplace('nsDS5ReplicaRoot', 'dc=other,dc=com'),
    'replace: winSyncInterval',
    'winSyncInterval: 300',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /result 0 and nothing logged/);
});

test('DN spellings of the same suffix match: case, spaces, escapes, and the suffix taken from a legacy quoted DN', () => {
  assert.deepEqual(
    diagnose(agreementAdd({ omit: ['nsDS5ReplicaRoot'], extra: ['nsDS5ReplicaRoot: DC=Example, DC=COM'] }), CODE),
    [],
  );
  const quoted = agreementAdd({ dn: 'dn: cn=ad-sync,cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=config' });
  assert.deepEqual(diagnose(quoted, CODE), []);
});

test('values that are not DNs, agreements outside a replica and other entries are left to other rules', () => {
  assert.deepEqual(
    diagnose(agreementAdd({ omit: ['nsDS5ReplicaRoot'], extra: ['nsDS5ReplicaRoot: not a dn'] }), CODE),
    [],
  );
  assert.deepEqual(diagnose(agreementAdd({ dn: 'dn: cn=ad-sync,cn=mapping tree,cn=config', extra: [] }), CODE), []);
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=x,dc=example,dc=com',
        'changetype: modify',
        'replace: nsDS5ReplicaRoot',
        'nsDS5ReplicaRoot: dc=other',
        '-',
      ],
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(
      [
        AGREEMENT_DN,
        'changetype: modify',
        'delete: nsDS5ReplicaRoot',
        'nsDS5ReplicaRoot: dc=other,dc=com',
        '-',
        'replace: oneWaySync',
        'oneWaySync: toWindows',
        '-',
      ],
      CODE,
    ),
    [],
  );
});
