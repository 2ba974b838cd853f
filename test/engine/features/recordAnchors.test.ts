import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateToString } from '../../../bench/generate';
import { LargeDocument } from '../../../server/src/engine/largeDocument';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();

test('each record is anchored on its dn: line, or on its first line when it has none, numbered in document order', () => {
  const text = [
    'version: 1',
    '',
    '# comment',
    'dn: cn=a,dc=example,dc=com',
    'cn: a',
    '',
    'cn: no dn',
    '',
    'include: file:///x.ldif',
    '',
    'dn: cn=b,dc=example,dc=com',
    'cn: b',
    '',
  ].join('\n');
  assert.deepEqual(service.findRecordAnchors(service.parse(text)), [
    { index: 0, line: 3 },
    { index: 1, line: 6 },
    { index: 2, line: 10 },
  ]);
});

test('a large document checked in pieces anchors its records as the whole parse does, before and after checking', () => {
  const text = generateToString({ seed: 5, records: 600, errorRate: 0.2 });
  const whole = service.findRecordAnchors(service.parse(text));
  const large = new LargeDocument(service.catalog, 8);
  assert.deepEqual(large.recordAnchors(text), whole);
  large.validate(text, {});
  assert.deepEqual(large.recordAnchors(text), whole);
  assert.ok(whole.length >= 600);
});
