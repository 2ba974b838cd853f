import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, PLUGIN_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/oneway-acct-disable-conflict';

/** A file with the plug-in change first, then the agreement change, separated by a blank line. */
function file(acctDisable: string, oneWaySync: string): string[] {
  return [...pluginReplace('ipaWinSyncAcctDisable', acctDisable), '', ...agreementReplace('oneWaySync', oneWaySync)];
}

test('to_ad with a fromWindows agreement warns on the plug-in value: the setting does nothing', () => {
  const text = file('to_ad', 'fromWindows');
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'to_ad');
  assert.equal(d.range.start.line, 3);
  assert.match(
    d.message,
    /ipaWinSyncAcctDisable: to_ad syncs account locks only towards AD, but the agreement cn=ad-sync syncs one way only \(oneWaySync: fromWindows on line 10\), so nothing is ever sent to AD: this setting silently does nothing\./,
  );
  assert.equal(applyFix(text, d.fixes?.[0])[3], 'ipaWinSyncAcctDisable: none');
});

test('both with a fromWindows agreement warns that the AD-bound half is dropped, and offers to_ds', () => {
  const text = file('both', 'FROMWINDOWS');
  const [d] = diagnose(text, CODE);
  assert.match(
    d.message,
    /both asks for account locks to be synced both ways, .*lock changes bound for it are silently dropped\. to_ds says what actually happens\./,
  );
  assert.equal(applyFix(text, d.fixes?.[0])[3], 'ipaWinSyncAcctDisable: to_ds');
});

test('toWindows conflicts with to_ds and both, in content records too', () => {
  const plugin = [PLUGIN_DN, 'objectClass: extensibleObject', 'ipaWinSyncAcctDisable: to_ds'];
  const text = [...plugin, '', ...agreementAdd({ extra: ['oneWaySync: toWindows'] })];
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /to_ds syncs account locks only towards the directory/);
  assert.equal(diagnose(file('both', 'toWindows'), CODE)[0].fixes?.[0].edits[0].newText, 'to_ad');
});

test('matching directions, two-way agreements, a later removal of oneWaySync and a single side alone are fine', () => {
  assert.deepEqual(diagnose(file('to_ds', 'fromWindows'), CODE), []);
  assert.deepEqual(diagnose(file('to_ad', 'toWindows'), CODE), []);
  assert.deepEqual(diagnose(file('none', 'fromWindows'), CODE), []);
  assert.deepEqual(
    diagnose([...file('both', 'fromWindows'), '', AGREEMENT_DN, 'changetype: modify', 'delete: oneWaySync', '-'], CODE),
    [],
  );
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncAcctDisable', 'to_ad'), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('oneWaySync', 'fromWindows'), CODE), []);
});
