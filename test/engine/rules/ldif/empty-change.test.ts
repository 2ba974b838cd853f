import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';

const DN = 'dn: uid=a,ou=People,dc=example,dc=com';

test('a record that is only a dn: line is a warning on it', () => {
  const [d, ...rest] = diagnose([DN], 'ldif/empty-change');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'warning');
  assert.equal(d.range.start.line, 0);
  assert.match(d.message, /empty modify.*389-DS answers 2/);
});

test('a modify without mod-specs is a warning on its changetype line', () => {
  const [d] = diagnose([DN, 'changetype: modify'], 'ldif/empty-change');
  assert.equal(d.range.start.line, 1);
  assert.match(d.message, /no mod-spec/);
});

test('an add without attributes is the parser error ldif/add-without-attributes, not this; a schema file stub is fine', () => {
  const add = diagnose([DN, 'changetype: add'], 'ldif/add-without-attributes');
  assert.equal(add[0].severity, 'error');
  assert.deepEqual(diagnose([DN, 'changetype: add'], 'ldif/empty-change'), []);
  assert.deepEqual(diagnose(['dn: cn=schema'], 'ldif/empty-change'), []);
  assert.deepEqual(diagnose([DN, 'cn: a'], 'ldif/empty-change'), []);
});
