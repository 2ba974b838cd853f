import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, covered, diagnose } from '../helpers';

const DELETE = 'winsync/plugin-entry-delete';

test('deleting or renaming the plug-in entry is an error: the plug-in refuses with 53', () => {
  const text = [PLUGIN_DN, 'changetype: delete'];
  const [d] = diagnose(text, DELETE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'changetype: delete');
  assert.match(d.message, /refuses to be deleted: 389-DS answers 53 \(Unwilling to perform\)/);
  assert.match(d.message, /nsslapd-pluginEnabled: off/);
  const [rename] = diagnose([PLUGIN_DN, 'changetype: modrdn', 'newrdn: cn=ipa-winsync-old', 'deleteoldrdn: 1'], DELETE);
  assert.match(rename.message, /refuses to be renamed/);
});
