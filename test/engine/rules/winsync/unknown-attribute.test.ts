import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, PLUGIN_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/unknown-attribute';

test('a misspelt ipaWinSync attribute on the plug-in entry is an error: stored but silently ignored', () => {
  const text = [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisabel', 'ipaWinSyncAcctDisabel: none', '-'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncAcctDisabel');
  assert.equal(d.range.start.line, 2);
  assert.match(d.message, /Unknown attribute "ipaWinSyncAcctDisabel".*Did you mean ipaWinSyncAcctDisable\?/);
  assert.match(d.message, /extensibleObject.*never reads this one/);
});

test('the rename fix changes the mod-spec header and every value line in one fix', () => {
  const text = [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncUserAtr',
    'ipaWinSyncUserAtr: uidNumber -1',
    'ipaWinSyncUserAtr: gidNumber -1',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.equal(d.fixes?.length, 1);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(d.fixes?.[0].title, 'Rename to ipaWinSyncUserAttr');
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncUserAttr',
    'ipaWinSyncUserAttr: uidNumber -1',
    'ipaWinSyncUserAttr: gidNumber -1',
    '-',
  ]);
});

test('in a content record the line name is renamed, options kept', () => {
  const text = [
    PLUGIN_DN,
    'objectClass: extensibleObject',
    'ipaWinSyncRealmFiltr;x-tag: (objectclass=krbRealmContainer)',
  ];
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'ipaWinSyncRealmFiltr');
  assert.deepEqual(applyFix(text, d.fixes?.[0])[2], 'ipaWinSyncRealmFilter;x-tag: (objectclass=krbRealmContainer)');
});

test('an ipaWinSync name far from every known one gets no suggestion and no fix', () => {
  const [d] = diagnose(pluginReplace('ipaWinSyncSomethingElseEntirely', 'x'), CODE);
  assert.doesNotMatch(d.message, /Did you mean/);
  assert.equal(d.fixes, undefined);
});

test('an unknown ipaWinSync attribute on an ordinary entry explains that the server has no schema for it', () => {
  const text = [
    'dn: uid=jdoe,ou=People,dc=example,dc=com',
    'changetype: modify',
    'add: ipaWinSyncForceSnc',
    'ipaWinSyncForceSnc: true',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /Did you mean ipaWinSyncForceSync\?/);
  assert.match(d.message, /65/);
});

test('agreement-prefixed unknown names on an agreement are refused with 65 and get a suggestion', () => {
  const text = agreementReplace('winSyncMoveActon', 'none');
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'winSyncMoveActon');
  assert.match(d.message, /Did you mean winSyncMoveAction\?/);
  assert.match(d.message, /65 \(Object class violation\)/);
  const [unknown] = diagnose(agreementAdd({ extra: ['nsds7Foo: 1'] }), CODE);
  assert.match(unknown.message, /Unknown attribute "nsds7Foo": Windows sync agreements have no such setting/);
});

test('known names, any case, removals of unknown names, and agreement prefixes off agreements are not reported', () => {
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncAcctDisable', 'none'), CODE), []);
  assert.deepEqual(diagnose(pluginReplace('ipawinsyncacctdisable', 'none'), CODE), []);
  assert.deepEqual(diagnose([PLUGIN_DN, 'changetype: modify', 'delete: ipaWinSyncAcctDisabel', '-'], CODE), []);
  assert.deepEqual(diagnose([AGREEMENT_DN, 'changetype: modify', 'replace: winSyncFooBar', '-'], CODE), []);
  assert.deepEqual(
    diagnose(
      ['dn: cn=x,dc=example,dc=com', 'changetype: modify', 'replace: winSyncFooBar', 'winSyncFooBar: 1', '-'],
      CODE,
    ),
    [],
  );
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
});
