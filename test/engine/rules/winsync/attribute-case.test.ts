import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../winsyncFixtures';

const CODE = 'winsync/attribute-case';

test('a catalog attribute in another case is an info hint naming the canonical spelling', () => {
  const text = [PLUGIN_DN, 'objectClass: extensibleObject', 'ipaWinsyncHomeDirAttr: ipaHomesRootDir'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'info');
  assert.equal(covered(text, d), 'ipaWinsyncHomeDirAttr');
  assert.match(
    d.message,
    /"ipaWinsyncHomeDirAttr" works \(attribute names ignore case\), but the canonical spelling is ipaWinSyncHomeDirAttr\./,
  );
  assert.deepEqual(applyFix(text, d.fixes?.[0])[2], 'ipaWinSyncHomeDirAttr: ipaHomesRootDir');
  assert.equal(d.fixes?.[0].preferred, true);
});

test('in a mod-spec one hint covers the header and the fix rewrites only the miscased names', () => {
  const text = agreementReplace('onewaysync', 'fromWindows');
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, d), 'onewaysync');
  assert.equal(d.range.start.line, 2);
  assert.deepEqual(applyFix(text, d.fixes?.[0]).slice(2, 4), ['replace: oneWaySync', 'oneWaySync: fromWindows']);

  const mixed = [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', 'ipawinsyncacctdisable: none', '-'];
  const [value] = diagnose(mixed, CODE);
  assert.equal(value.range.start.line, 3);
  assert.equal(value.fixes?.[0].edits.length, 1);
  assert.deepEqual(applyFix(mixed, value.fixes?.[0])[3], 'ipaWinSyncAcctDisable: none');
});

test('canonical spelling, non-catalog names and attributes on the wrong entry get no hint', () => {
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncAcctDisable', 'none'), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('DESCRIPTION', 'x'), CODE), []);
  assert.deepEqual(diagnose(pluginReplace('onewaysync', 'fromWindows'), CODE), []);
  assert.deepEqual(
    diagnose(
      [
        'dn: cn=x,dc=example,dc=com',
        'changetype: modify',
        'replace: ipawinsyncacctdisable',
        'ipawinsyncacctdisable: none',
        '-',
      ],
      CODE,
    ),
    [],
  );
});
