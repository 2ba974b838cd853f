import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isPlainDn, parseDn } from '../../../server/src/engine/dn/dn';

test('a DN isPlainDn accepts parses without any problem, so rules may skip parsing it', () => {
  const unit = fc.constantFrom(
    'c',
    'n',
    'D',
    'x',
    '1',
    '-',
    '=',
    ',',
    ' ',
    '+',
    ';',
    '\\',
    '"',
    '#',
    '<',
    '>',
    '\0',
    'é',
    '.',
    '_',
    '\t',
    'A',
    'F',
  );
  const rdn = fc
    .tuple(
      fc.string({ unit: fc.constantFrom('c', 'n', 'u', 'i', 'd', '1', '-'), minLength: 1, maxLength: 4 }),
      fc.string({ unit, maxLength: 8 }),
    )
    .map(([type, value]) => `${type}=${value}`);
  const dn = fc.oneof(
    fc.string({ unit, maxLength: 30 }),
    fc.array(rdn, { minLength: 1, maxLength: 5 }).map((rdns) => rdns.join(',')),
  );
  fc.assert(
    fc.property(dn, (text) => !isPlainDn(text) || parseDn(text).problems.length === 0),
    { numRuns: 20_000 },
  );
});

test('the DNs of ordinary entries are plain; anything that needs a look is not', () => {
  for (const dn of [
    'uid=anna.mueller1,cn=users,cn=accounts,dc=ipa,dc=example,dc=com',
    'cn=John Smith,ou=People',
    "cn=O'Brien,dc=x",
  ]) {
    assert.ok(isPlainDn(dn), dn);
  }
  for (const dn of [
    'cn=Smith, John,dc=x',
    'cn=a;dc=b',
    'cn= a',
    'cn=a ',
    ' cn=a',
    'cn=#12',
    '2.5.4.3=a',
    'cn=a+sn=b',
    'cn=a,',
    ',cn=a',
    '',
    'cn="a"',
    'cn=a\\,b',
    'cn=a\\5cb',
    'cn=a\0b',
    'cn=a<b',
  ]) {
    assert.ok(!isPlainDn(dn), dn);
  }
});
