import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../valueFixtures';

const CODE = 'winsync/invalid-attribute-name';

test('a value that is not an attribute type name is an error with what the plug-in then does', () => {
  const text = pluginReplace('ipaWinSyncRealmAttr', 'c n');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'c n');
  assert.match(d.message, /"c n" is not a valid value for ipaWinSyncRealmAttr: expected an attribute type name/);
  assert.match(d.message, /a wrong name surfaces later in the errors log/);
});

test('options and empty values are not attribute type names', () => {
  assert.equal(diagnose(pluginReplace('ipaWinSyncHomeDirAttr', 'ipaHomesRootDir;x-y'), CODE).length, 1);
  assert.match(diagnose(pluginReplace('ipaWinSyncNewUserOCAttr', ''), CODE)[0].message, /^An empty value/);
});

test('trailing spaces are part of the name the plug-in looks for; the fix removes them', () => {
  const text = pluginReplace('ipaWinSyncRealmAttr', 'cn ');
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /the trailing spaces are part of the value/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'ipaWinSyncRealmAttr: cn');
});

test('names and numeric OIDs are fine, in any attribute-name attribute', () => {
  for (const [attribute, value] of [
    ['ipaWinSyncRealmAttr', 'cn'],
    ['ipaWinSyncLoginShellAttr', 'ipaDefaultLoginShell'],
    ['ipaWinSyncDefaultGroupAttr', '2.5.4.3'],
  ]) {
    assert.deepEqual(diagnose(pluginReplace(attribute, value), CODE), [], attribute);
  }
});
