import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../valueFixtures';

const CODE = 'winsync/user-attr-format';

test('a value without "name SPACE value" is an error quoting the plug-in\'s 53 answer', () => {
  const text = pluginReplace('ipaWinSyncUserAttr', 'uidNumber');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'uidNumber');
  assert.match(d.message, /ipaWinSyncUserAttr must be "attributeName value"/);
  assert.match(d.message, /"uidNumber" has no value after the attribute name/);
  assert.match(
    d.message,
    /Refused with 53: a value without "name SPACE value" gets "correct format is attrname SPACE value"/,
  );
});

test('"name: value" and "name=value" are fixed to "name value"', () => {
  const text = pluginReplace('ipaWinSyncUserAttr', 'uidNumber: -1', 'gidNumber=-1');
  const found = diagnose(text, CODE);
  assert.match(found[0].message, /separates them with ":" instead/);
  assert.match(found[1].message, /separates them with "=" instead/);
  assert.equal(applyFix(text, found[0].fixes![0])[3], 'ipaWinSyncUserAttr: uidNumber -1');
  assert.equal(applyFix(text, found[1].fixes![0])[4], 'ipaWinSyncUserAttr: gidNumber -1');
});

test('an invalid attribute name is an error on the name only', () => {
  const text = pluginReplace('ipaWinSyncUserAttr', 'home dir /home');
  assert.deepEqual(diagnose(text, CODE), []);
  const bad = pluginReplace('ipaWinSyncUserAttr', 'bad! value');
  const [d] = diagnose(bad, CODE);
  assert.equal(covered(bad, d), 'bad!');
  assert.match(d.message, /Invalid attribute name "bad!" in ipaWinSyncUserAttr/);
});

test('an empty value and a name followed only by spaces are errors', () => {
  assert.match(diagnose(pluginReplace('ipaWinSyncUserAttr', ''), CODE)[0].message, /the value is empty/);
  assert.match(
    diagnose(pluginReplace('ipaWinSyncUserAttr', 'uidNumber '), CODE)[0].message,
    /has no value after the attribute name/,
  );
});

test('valid values, with spaces inside the value part, give nothing', () => {
  assert.deepEqual(
    diagnose(pluginReplace('ipaWinSyncUserAttr', 'uidNumber -1', 'gidNumber -1', 'description Synced from AD'), CODE),
    [],
  );
});
