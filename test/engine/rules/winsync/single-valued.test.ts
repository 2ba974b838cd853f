import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix } from '../valueFixtures';

const CODE = 'winsync/single-valued';

test('two values for a plug-in attribute: error on the second saying the plug-in ignores it; the fix removes the line', () => {
  const text = pluginReplace('ipaWinSyncAcctDisable', 'both', 'none');
  const found = diagnose(text, CODE);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncAcctDisable: none');
  assert.match(d.message, /ipaWinSyncAcctDisable takes one value, but this mod-spec gives it 2/);
  assert.match(d.message, /extensibleObject, so 389-DS stores them all, but the plug-in reads only the first value/);
  assert.deepEqual(applyFix(text, d.fixes![0]), pluginReplace('ipaWinSyncAcctDisable', 'both'));
});

test('two values for a SINGLE-VALUE agreement attribute in an add: the server refuses the add with 65', () => {
  const text = agreementAdd('nsDS5ReplicaPort: 389', 'nsDS5ReplicaPort: 636');
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'nsDS5ReplicaPort: 636');
  assert.match(
    d.message,
    /this record gives it 2\. The schema declares it SINGLE-VALUE, so 389-DS refuses the add with 65/,
  );
  assert.match(
    diagnose(agreementReplace('winSyncInterval', '300', '600'), CODE)[0].message,
    /refuses the modify with 65/,
  );
});

test('nsDS5ReplicaBindDN is not SINGLE-VALUE in the schema: the server keeps both and uses the first', () => {
  const [d] = diagnose(agreementAdd('nsDS5ReplicaBindDN: cn=a,dc=ad', 'nsDS5ReplicaBindDN: cn=b,dc=ad'), CODE);
  assert.match(d.message, /389-DS stores them all, but only the first value is used/);
});

test('every extra value gets its own diagnostic', () => {
  assert.equal(diagnose(pluginReplace('ipaWinSyncRealmAttr', 'cn', 'uid', 'sn'), CODE).length, 2);
});

test('multi-valued attributes, delete mod-specs, separate mod-specs and other entries are not flagged', () => {
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncUserAttr', 'uidNumber -1', 'gidNumber -1'), CODE), []);
  assert.deepEqual(
    diagnose(agreementReplace('winSyncSubtreePair', 'ou=a,dc=x:ou=b,dc=y', 'ou=c,dc=x:ou=d,dc=y'), CODE),
    [],
  );
  const remove = [
    PLUGIN_DN,
    'changetype: modify',
    'delete: ipaWinSyncRealmAttr',
    'ipaWinSyncRealmAttr: cn',
    'ipaWinSyncRealmAttr: uid',
    '-',
  ];
  assert.deepEqual(diagnose(remove, CODE), []);
  const twoSpecs = [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncRealmAttr',
    'ipaWinSyncRealmAttr: cn',
    '-',
    'replace: ipaWinSyncRealmAttr',
    'ipaWinSyncRealmAttr: uid',
    '-',
  ];
  assert.deepEqual(diagnose(twoSpecs, CODE), []);
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=x,dc=example,dc=com',
        'changetype: add',
        'objectClass: top',
        'nsDS5ReplicaPort: 1',
        'nsDS5ReplicaPort: 2',
      ],
      CODE,
    ),
    [],
  );
});
