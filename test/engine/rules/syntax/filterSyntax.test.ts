import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { applyFix } from '../values/fixtures';

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

test('missing parentheses where the server uses the filter verbatim: error, fixed by wrapping', () => {
  const text = agreementReplace('winSyncWindowsFilter', 'objectClass=user');
  const found = filterCodes(text);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.code, 'filter/missing-parens');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'objectClass=user');
  assert.match(d.message, /winSyncWindowsFilter must be enclosed in parentheses: write \(objectClass=user\)/);
  assert.equal(d.fixes?.[0].title, 'Wrap in parentheses');
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncWindowsFilter: (objectClass=user)');
});

test('missing parentheses where the server adds them itself: information with the same fix', () => {
  const text = agreementReplace('winSyncDirectoryFilter', 'objectClass=person');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/missing-parens');
  assert.equal(d.severity, 'info');
  assert.match(d.message, /works without its outer parentheses \(389-DS adds them\)/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncDirectoryFilter: (objectClass=person)');
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

test('parser warnings pass through under their own codes: (&) is filter/empty-set', () => {
  const text = pluginReplace('ipaWinSyncRealmFilter', '(&)');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/empty-set');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '(&)');
  assert.match(d.message, /^ipaWinSyncRealmFilter: \(&\) is the RFC 4526 absolute-true filter/);
});

test('spaces between filters are filter/whitespace with a removal fix; spaces ending the value are left to ldif/trailing-space', () => {
  const text = agreementReplace('winSyncWindowsFilter', '(&(a=b) (c=d))');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/whitespace');
  assert.equal(covered(text, d), ' ');
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncWindowsFilter: (&(a=b)(c=d))');
  const trailing = agreementReplace('winSyncWindowsFilter', '(a=b) ');
  assert.deepEqual(filterCodes(trailing), []);
  assert.equal(diagnose(trailing, 'ldif/trailing-space').length, 1);
});

test('two filters where one is expected: an error on the second', () => {
  const text = pluginReplace('ipaWinSyncNewEntryFilter', '(cn=ipaConfig)(objectClass=*)');
  const [d] = diagnose(text, 'filter/invalid');
  assert.equal(covered(text, d), '(objectClass=*)');
  assert.match(d.message, /A second filter after the end of the filter/);
});

test('filter lists (ipaWinSyncDefaultGroupFilter): the shipped value is fine, a bare term is an error fixed by wrapping', () => {
  assert.deepEqual(filterCodes(pluginReplace('ipaWinSyncDefaultGroupFilter', '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)')), []);
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
  const remove = ['dn: cn=ipa-winsync,cn=plugins,cn=config', 'changetype: modify', 'delete: ipaWinSyncRealmFilter', 'ipaWinSyncRealmFilter: (broken', '-'];
  assert.deepEqual(filterCodes(remove), []);
  assert.deepEqual(filterCodes(['dn: cn=x,dc=example,dc=com', 'changetype: modify', 'replace: winSyncWindowsFilter', 'winSyncWindowsFilter: (broken', '-']), []);
});
