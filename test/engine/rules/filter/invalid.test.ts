import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../valueFixtures';

function filterCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('filter/'));
}

test('a broken filter is an error on the exact spot, with what the server does (accepted, fails at search time)', () => {
  const text = agreementReplace('winSyncWindowsFilter', '(&(foo=bar)');
  const [d] = diagnose(text, 'filter/invalid');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.character, 'winSyncWindowsFilter: '.length);
  assert.equal(covered(text, d), '(');
  assert.match(d.message, /^Invalid filter in winSyncWindowsFilter: '\(' is never closed/);
  assert.match(d.message, /gets result 0 with nothing logged; it fails later, at search time/);
});

test('text that wrapping would not repair is reported through its real errors, once per problem', () => {
  for (const attribute of ['winSyncWindowsFilter', 'winSyncDirectoryFilter']) {
    const text = agreementReplace(attribute, 'a=b)(c=d');
    const found = filterCodes(text);
    assert.ok(found.length > 0);
    assert.ok(found.every((d) => d.code === 'filter/invalid' && d.fixes === undefined));
    assert.doesNotMatch(found.map((d) => d.message).join('\n'), /must start with '\('/);
  }
  // A bare word: one diagnostic, not a second one on the same range about the parentheses.
  assert.equal(filterCodes(agreementReplace('winSyncWindowsFilter', 'cn')).length, 1);
});

test('two filters where one is expected: an error on the second', () => {
  const text = pluginReplace('ipaWinSyncNewEntryFilter', '(cn=ipaConfig)(objectClass=*)');
  const [d] = diagnose(text, 'filter/invalid');
  assert.equal(covered(text, d), '(objectClass=*)');
  assert.match(d.message, /A second filter after the end of the filter/);
});

test('filter lists (ipaWinSyncDefaultGroupFilter): the shipped value is fine, a bare term is an error fixed by wrapping', () => {
  assert.deepEqual(
    filterCodes(
      pluginReplace('ipaWinSyncDefaultGroupFilter', '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)'),
    ),
    [],
  );
  const text = pluginReplace('ipaWinSyncDefaultGroupFilter', 'gidNumber=*');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/invalid');
  assert.equal(covered(text, d), 'gidNumber=*');
  assert.match(d.message, /Expected '\(' to start a filter/);
  assert.match(d.message, /fails later as a search error in the errors log/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'ipaWinSyncDefaultGroupFilter: (gidNumber=*)');
});

test('valid filters, deleted values and filters on other entries give nothing', () => {
  assert.deepEqual(filterCodes(pluginReplace('ipaWinSyncRealmFilter', '(objectclass=krbRealmContainer)')), []);
  assert.deepEqual(filterCodes(agreementReplace('winSyncWindowsFilter', '(&(objectClass=user)(!(cn=krbtgt*)))')), []);
  const remove = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'delete: ipaWinSyncRealmFilter',
    'ipaWinSyncRealmFilter: (broken',
    '-',
  ];
  assert.deepEqual(filterCodes(remove), []);
  assert.deepEqual(
    filterCodes([
      'dn: cn=x,dc=example,dc=com',
      'changetype: modify',
      'replace: winSyncWindowsFilter',
      'winSyncWindowsFilter: (broken',
      '-',
    ]),
    [],
  );
});
