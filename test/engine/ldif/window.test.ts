import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  commonPrefixLength,
  commonSuffixLength,
  countLineBreaks,
  editWindow,
} from '../../../server/src/engine/ldif/window';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();

test('the edit window runs from after an empty line before the change to after one behind it', () => {
  const before = 'dn: cn=a\ncn: a\n\ndn: cn=b\ncn: b\n\ndn: cn=c\ncn: c\n';
  const after = before.replace('cn: b', 'cn: bb');
  const window = editWindow(before, after);
  assert.equal(after.slice(window.start, window.end), 'dn: cn=b\ncn: bb\n\n');
  assert.equal(before.slice(window.start, window.oldEnd), 'dn: cn=b\ncn: b\n\n');
  assert.equal(after.slice(window.end), before.slice(window.oldEnd));
});

test('common prefix and suffix lengths hold across the chunks they compare at once', () => {
  const long = 'x'.repeat(10_000);
  assert.equal(commonPrefixLength(`${long}a${long}`, `${long}b${long}`), 10_000);
  assert.equal(commonSuffixLength(`${long}a${long}`, `${long}bc${long}`, 10_001), 10_000);
  assert.deepEqual(countLineBreaks('a\r\nb\nc\r\n', 0, 8), { lines: 3, crlf: 2 });
});

/** Everything a parse shows, getters included. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(shape);
  const keys = new Set(Object.keys(value));
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const key of Object.getOwnPropertyNames(proto))
      if (Object.getOwnPropertyDescriptor(proto, key)?.get) keys.add(key);
  }
  return Object.fromEntries([...keys].sort().map((key) => [key, shape((value as Record<string, unknown>)[key])]));
}

test('a document parsed edit by edit equals the document parsed afresh, whatever the edits', () => {
  const LINES = [
    'dn: cn=a,dc=x',
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'cn: b',
    '',
    '',
    ' cont',
    '  ',
    '\t',
    '# c',
    'version: 1',
    'changetype: modify',
    '-',
    'replace: cn',
    'ipaWinSyncAcctDisable: bogus',
    'cn:: Zm9v',
    'x',
    '\r',
  ];
  const documents = fc
    .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 25 }), fc.boolean(), fc.boolean())
    .map(([lines, crlf, final]) => lines.join(crlf ? '\r\n' : '\n') + (final ? '\n' : ''));
  const edits = fc.array(
    fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', '\n', '\r\n', 'x', ' ', '\n\n', 'dn: cn=z\n', '-', ':')),
    { minLength: 1, maxLength: 4 },
  );
  fc.assert(
    fc.property(documents, edits, (text, changes) => {
      let previous = service.parse(text);
      let current = text;
      for (const [position, removed, inserted] of changes) {
        const at = position % (current.length + 1);
        current = current.slice(0, at) + inserted + current.slice(at + removed);
        const edited = service.parse(current, previous);
        const fresh = service.parse(current);
        assert.deepEqual(shape(edited.ldif), shape(fresh.ldif));
        assert.deepEqual(service.validate(edited), service.validate(fresh));
        previous = edited;
      }
    }),
    { numRuns: 300 },
  );
});
