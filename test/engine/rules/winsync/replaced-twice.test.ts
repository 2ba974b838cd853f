import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, covered, diagnose } from '../helpers';
import { applyFix } from '../winsyncFixtures';

const CODE = 'winsync/replaced-twice';

test('replacing the same attribute twice in one modify warns on the second replace', () => {
  const text = [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncUserAttr',
    'ipaWinSyncUserAttr: uidNumber -1',
    '-',
    'replace: ipawinsyncuserattr',
    'ipawinsyncuserattr: gidNumber -1',
    '-',
  ];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'replace: ipawinsyncuserattr');
  assert.match(
    d.message,
    /ipawinsyncuserattr is already replaced 3 lines above, in this modify\. .*this one wins and the earlier values are lost\. Put all values in one replace\./,
  );
  assert.equal(d.fixes?.[0].title, 'Remove the earlier replace (3 lines above)');
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipawinsyncuserattr',
    'ipawinsyncuserattr: gidNumber -1',
    '-',
  ]);
});

test('the rule applies to any entry', () => {
  const text = [
    'dn: uid=jdoe,ou=People,dc=example,dc=com',
    'changetype: modify',
    'replace: mail',
    'mail: a@example.com',
    '-',
    'replace: mail',
    'mail: b@example.com',
    '-',
  ];
  assert.equal(diagnose(text, CODE).length, 1);
});

test('one replace per attribute, different options, and add after replace are fine', () => {
  const text = [
    'dn: uid=jdoe,ou=People,dc=example,dc=com',
    'changetype: modify',
    'replace: cn',
    'cn: J',
    '-',
    'replace: cn;lang-de',
    'cn;lang-de: J',
    '-',
    'add: cn',
    'cn: Jay',
    '-',
  ];
  assert.deepEqual(diagnose(text, CODE), []);
});
