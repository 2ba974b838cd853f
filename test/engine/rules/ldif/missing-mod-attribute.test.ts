import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a mod-spec header without an attribute is an error on the header, with an example', () => {
  const text = ['dn: cn=ipa-winsync,cn=plugins,cn=config', 'changetype: modify', 'replace:', '-'];
  const [d] = diagnose(text, 'ldif/missing-mod-attribute');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'replace:');
  assert.equal(d.message, '"replace:" must name the attribute it changes, e.g. "replace: description".');
});
