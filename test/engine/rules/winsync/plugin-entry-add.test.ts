import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, covered, diagnose, pluginReplace } from '../helpers';
import { applyFix, pluginContent } from '../winsyncFixtures';

const ADD = 'winsync/plugin-entry-add';

const DELETE = 'winsync/plugin-entry-delete';

test("adding the plug-in entry is a warning that explains both servers' answers and points to modify", () => {
  const text = [PLUGIN_DN, 'changetype: add', 'objectClass: extensibleObject', 'ipaWinSyncAcctDisable: none'];
  const [d, ...rest] = diagnose(text, ADD);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'changetype: add');
  assert.match(d.message, /68 \(Already exists\)/);
  assert.match(d.message, /53 "Invalid plugin path"/);
  assert.match(d.message, /dse\.ldif.*keeps 389-DS from starting/);
  assert.match(d.message, /changetype: modify instead/);
});

test('a content record of the plug-in entry is reported on its dn line', () => {
  const text = pluginContent();
  const [d] = diagnose(text, ADD);
  assert.equal(covered(text, d), PLUGIN_DN);
  assert.match(d.message, /^As a content record this creates the ipa-winsync plug-in entry/);
});

test('the fix rewrites the add as a modify replacing each ipaWinSync setting, values grouped per attribute', () => {
  const text = [
    PLUGIN_DN,
    'changetype: add',
    'objectClass: top',
    'objectClass: extensibleObject',
    'cn: ipa-winsync',
    'ipaWinSyncAcctDisable: none',
    'ipaWinSyncUserAttr: uidNumber -1',
    'ipaWinSyncUserAttr: gidNumber -1',
  ];
  const [d] = diagnose(text, ADD);
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: none',
    '-',
    'replace: ipaWinSyncUserAttr',
    'ipaWinSyncUserAttr: uidNumber -1',
    'ipaWinSyncUserAttr: gidNumber -1',
    '-',
  ]);
});

test('no rewrite is offered when it would drop comments or has no ipaWinSync settings to keep', () => {
  const commented = [
    PLUGIN_DN,
    'changetype: add',
    'objectClass: extensibleObject',
    '# keep me',
    'ipaWinSyncAcctDisable: none',
  ];
  assert.equal(diagnose(commented, ADD)[0].fixes, undefined);
  assert.equal(
    diagnose([PLUGIN_DN, 'changetype: add', 'objectClass: extensibleObject', 'cn: ipa-winsync'], ADD)[0].fixes,
    undefined,
  );
});

test('modifying the plug-in entry and adding other plug-ins are fine', () => {
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncAcctDisable', 'none'), ADD), []);
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncAcctDisable', 'none'), DELETE), []);
  assert.deepEqual(
    diagnose(
      ['dn: cn=Posix Winsync API,cn=plugins,cn=config', 'changetype: add', 'objectClass: top', 'cn: Posix Winsync API'],
      ADD,
    ),
    [],
  );
});

test('for a content record the rewrite inserts the changetype after the dn', () => {
  const text = [PLUGIN_DN, 'objectClass: extensibleObject', 'ipaWinSyncForceSync: true'];
  const [d] = diagnose(text, ADD);
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
  ]);
});
