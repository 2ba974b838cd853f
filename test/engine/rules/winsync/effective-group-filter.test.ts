import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../valueFixtures';

const CODE = 'winsync/effective-group-filter';

test("the IdM guide's effective filter stored as the value is a warning on its cn term, fixed by keeping the other terms", () => {
  const text = pluginReplace(
    'ipaWinSyncDefaultGroupFilter',
    '(&(gidNumber=*)(objectclass=posixGroup)(cn=groupAttr_value))',
  );
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '(cn=groupAttr_value)');
  assert.match(d.message, /the plug-in builds \(&\(cn=<group name>\)<value>\) itself/);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes![0])[3], 'ipaWinSyncDefaultGroupFilter: (gidNumber=*)(objectclass=posixGroup)');
});

test('a whole filter with only the cn term gets the warning without a fix', () => {
  const [d] = diagnose(pluginReplace('ipaWinSyncDefaultGroupFilter', '(&(cn=ipausers))'), CODE);
  assert.equal(d.fixes, undefined);
});

test('the shipped filter list and an AND without a cn term give nothing', () => {
  assert.deepEqual(
    diagnose(
      pluginReplace('ipaWinSyncDefaultGroupFilter', '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)'),
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(pluginReplace('ipaWinSyncDefaultGroupFilter', '(&(gidNumber=*)(objectclass=posixGroup))'), CODE),
    [],
  );
});
