import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose, pluginReplace } from '../helpers';

test('a value outside the enum is an error naming the allowed values and what the server does', () => {
  const text = pluginReplace('ipaWinSyncAcctDisable', 'sometimes');
  const [d] = diagnose(text, 'winsync/invalid-enum');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'sometimes');
  assert.match(
    d.message,
    /Invalid value "sometimes" for ipaWinSyncAcctDisable: expected one of none, to_ad, to_ds, both\./,
  );
  assert.match(d.message, /53/);
});

test('the fixes offer every allowed value, nearest first; a swap of two keys is nearer than a wrong key', () => {
  const [d] = diagnose(pluginReplace('ipaWinSyncAcctDisable', 'to_da'), 'winsync/invalid-enum');
  assert.deepEqual(
    d.fixes?.map((f) => [f.edits[0].newText, f.preferred]),
    [
      ['to_ad', true],
      ['to_ds', false],
      ['both', false],
      ['none', false],
    ],
  );
});

test('only a clear typo is preferred: not a word far from every value, not one two values are equally near', () => {
  for (const value of ['sometimes', 'tood']) {
    const [d] = diagnose(pluginReplace('ipaWinSyncAcctDisable', value), 'winsync/invalid-enum');
    assert.equal(d.fixes?.length, 4, value);
    assert.deepEqual(
      d.fixes?.filter((f) => f.preferred),
      [],
      value,
    );
  }
  const [near] = diagnose(pluginReplace('ipaWinSyncAcctDisable', 'To-Ad'), 'winsync/invalid-enum');
  assert.equal(near.fixes?.find((f) => f.preferred)?.edits[0].newText, 'to_ad');
});

test('agreement enums: oneWaySync "both" is rejected although the server silently accepts it', () => {
  const [d] = diagnose(agreementReplace('oneWaySync', 'both'), 'winsync/invalid-enum');
  assert.match(d.message, /expected one of fromWindows, toWindows/);
});

test('deleting a value and values on other entries are not checked', () => {
  const remove = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'delete: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: bogus',
    '-',
  ];
  assert.deepEqual(diagnose(remove, 'winsync/invalid-enum'), []);
  assert.deepEqual(
    diagnose(
      ['dn: cn=someone,dc=example,dc=com', 'changetype: modify', 'replace: oneWaySync', 'oneWaySync: both', '-'],
      'winsync/invalid-enum',
    ),
    [],
  );
});

test('trailing spaces make an allowed word invalid, since the server compares the whole value', () => {
  const text = agreementReplace('oneWaySync', 'fromWindows  ');
  const [d] = diagnose(text, 'winsync/invalid-enum');
  assert.equal(covered(text, d), 'fromWindows  ');
  assert.match(d.message, /trailing spaces/);
  assert.equal(d.fixes?.[0].edits[0].newText, 'fromWindows');
});
