import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, agreementModify, applyFix } from '../valueFixtures';

const CODE = 'winsync/invalid-boolean';

test('slapi booleans: an unknown word is an error saying it silently means false', () => {
  const text = pluginReplace('ipaWinSyncForceSync', 'maybe');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'maybe');
  assert.match(d.message, /^Invalid value "maybe" for ipaWinSyncForceSync: expected true or false\./);
  assert.match(d.message, /read as the number 0, i\.e\. false/);
  assert.deepEqual(
    d.fixes?.map((f) => [f.edits[0].newText, f.preferred]),
    [
      ['true', false],
      ['false', false],
    ],
  );
});

test("a typo in ipaWinSyncUserFlatten flips its default true to false; the typo's word is the preferred fix", () => {
  const text = pluginReplace('ipaWinSyncUserFlatten', 'ture');
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /flips the default \(true\) to false/);
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes![0])[3], 'ipaWinSyncUserFlatten: true');
});

test('slapi booleans read abbreviations: "t" and "o" work (as true) but get a warning with the full word', () => {
  const [t] = diagnose(pluginReplace('ipaWinSyncForceSync', 't'), CODE);
  assert.equal(t.severity, 'warning');
  assert.match(t.message, /"t" is read as "true" \(true\) because 389-DS accepts the start of a word/);
  assert.equal(t.fixes?.[0].edits[0].newText, 'true');
  const [o] = diagnose(pluginReplace('ipaWinSyncForceSync', 'o'), CODE);
  assert.match(o.message, /"o" is read as "on" \(true\)/);
  const [f] = diagnose(pluginReplace('ipaWinSyncForceSync', 'fa'), CODE);
  assert.equal(f.fixes?.[0].edits[0].newText, 'false');
});

test('slapi booleans read numbers: "2" means true (warning); "1x" reads only the leading number (error)', () => {
  const [two] = diagnose(pluginReplace('ipaWinSyncForceSync', '2'), CODE);
  assert.equal(two.severity, 'warning');
  assert.match(two.message, /read as a number .* so this means true/);
  const [mixed] = diagnose(pluginReplace('ipaWinSyncForceSync', '1x'), CODE);
  assert.equal(mixed.severity, 'error');
  assert.match(mixed.message, /reads only the leading number 1, so this means true/);
});

test('every usual spelling in any case is fine', () => {
  for (const value of ['true', 'FALSE', 'On', 'off', 'yes', 'NO', '1', '0']) {
    assert.deepEqual(diagnose(pluginReplace('ipaWinSyncForceSync', value), CODE), [], value);
    assert.deepEqual(diagnose(agreementReplace('nsds7NewWinUserSyncEnabled', value), CODE), [], value);
  }
});

test('trailing spaces are part of the value: "true " is not true (error, fix removes them); "false " still means false', () => {
  const text = pluginReplace('ipaWinSyncUserFlatten', 'true ');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.match(d.message, /the trailing spaces are part of the value, so it is not read as "true"/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'ipaWinSyncUserFlatten: true');
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncUserFlatten', 'false '), CODE), []);
  assert.equal(diagnose(agreementReplace('nsds7NewWinUserSyncEnabled', 'on '), CODE).length, 1);
});

test('winsync booleans: anything but on/yes/true/1 silently means false', () => {
  const text = agreementReplace('nsds7NewWinUserSyncEnabled', 'enabled');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.match(
    d.message,
    /expected true or false\. A value such as "bogus" gets result 0 and nothing logged, and silently means false/,
  );
  const [t] = diagnose(agreementReplace('nsds7NewWinUserSyncEnabled', 't'), CODE);
  assert.equal(t.severity, 'error');
});

test('fixes use the on/off spelling where the catalog default does (winSyncFlattenTree)', () => {
  const [d] = diagnose(agreementReplace('winSyncFlattenTree', 'bogus'), CODE);
  assert.deepEqual(
    d.fixes?.map((f) => f.edits[0].newText),
    ['on', 'off'],
  );
  assert.match(d.message, /expected on or off/);
});

test('nsds5ReplicaEnabled takes only on/off: true is rejected (53 on add, 1 on modify) and maps to "on"', () => {
  const add = agreementAdd('nsds5ReplicaEnabled: true');
  const [d] = diagnose(add, CODE);
  assert.equal(d.severity, 'error');
  assert.match(d.message, /Refused with 53/);
  assert.deepEqual(
    d.fixes?.map((f) => [f.edits[0].newText, f.preferred]),
    [
      ['on', true],
      ['off', false],
    ],
  );
  const [modify] = diagnose(agreementModify('nsds5ReplicaEnabled', 'no'), CODE);
  assert.match(modify.message, /Refused with 1 and the text "Invalid value for nsds5ReplicaEnabled/);
  assert.equal(modify.fixes?.[0].edits[0].newText, 'off');
  assert.deepEqual(diagnose(agreementAdd('nsds5ReplicaEnabled: OFF'), CODE), []);
});

test('an empty value is an error on the line', () => {
  const text = pluginReplace('ipaWinSyncForceSync', '');
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /^An empty value for ipaWinSyncForceSync/);
  assert.equal(covered(text, d), 'ipaWinSyncForceSync: ');
});

test('deleted values and other entries are not checked', () => {
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=ipa-winsync,cn=plugins,cn=config',
        'changetype: modify',
        'delete: ipaWinSyncForceSync',
        'ipaWinSyncForceSync: maybe',
        '-',
      ],
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=x,dc=example,dc=com',
        'changetype: modify',
        'replace: ipaWinSyncForceSync',
        'ipaWinSyncForceSync: maybe',
        '-',
      ],
      CODE,
    ),
    [],
  );
});
