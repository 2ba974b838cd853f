import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix, pluginContent } from '../winsyncFixtures';

const CODE = 'winsync/wrong-entry';

test('a plug-in setting on an agreement is an error: refused with 65, and the message names the plug-in entry', () => {
  const text = agreementAdd({ extra: ['ipaWinSyncAcctDisable: both'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncAcctDisable');
  assert.match(
    d.message,
    /ipaWinSyncAcctDisable belongs on the ipa-winsync plug-in entry cn=ipa-winsync,cn=plugins,cn=config, not here\./,
  );
  assert.match(d.message, /65 \(Object class violation\)/);
});

test('an agreement setting on the plug-in entry is an error too: stored, but it does nothing', () => {
  const text = pluginReplace('oneWaySync', 'fromWindows');
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'oneWaySync');
  assert.match(d.message, /oneWaySync belongs on the sync agreement entry cn=<name>,cn=replica,/);
  assert.match(d.message, /stores oneWaySync there without complaint, but nothing reads it/);
});

test('the fix removes the whole mod-spec, or the content line', () => {
  const text = [
    ...pluginReplace('winSyncInterval', '600'),
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.equal(d.fixes?.[0].title, 'Remove winSyncInterval from this entry');
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [
    PLUGIN_DN,
    'changetype: modify',
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
  ]);

  const add = agreementAdd({ extra: ['ipaWinSyncForceSync: true'] });
  const [line] = diagnose(add, CODE);
  assert.deepEqual(applyFix(add, line.fixes?.[0]), agreementAdd());
});

test('attributes on their own entry, removals, and ordinary entries are not reported', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(diagnose(pluginContent(), CODE), []);
  assert.deepEqual(diagnose([PLUGIN_DN, 'changetype: modify', 'delete: oneWaySync', '-'], CODE), []);
  assert.deepEqual(
    diagnose([...agreementReplace('oneWaySync', 'toWindows'), 'replace: ipaWinSyncAcctDisable', '-'], CODE),
    [],
  );
  assert.deepEqual(
    diagnose(
      ['dn: cn=x,dc=example,dc=com', 'changetype: modify', 'replace: oneWaySync', 'oneWaySync: fromWindows', '-'],
      CODE,
    ),
    [],
  );
});

test('a modify of an agreement (recognised by its winsync attributes) that sets a plug-in setting is reported too', () => {
  const text = [
    ...agreementReplace('oneWaySync', 'toWindows'),
    'add: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: both',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'ipaWinSyncAcctDisable');
  assert.equal(d.range.start.line, 5);
});
