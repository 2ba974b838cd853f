import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWithDiagnostics as parseLdif } from '../helpers';

test('U+FFFD, left where a decoder met bytes that are not UTF-8, is an error on its line', () => {
  const text = Buffer.from([
    ...Buffer.from('dn: cn=M'),
    0xfc,
    ...Buffer.from('ller,dc=example,dc=com\ncn: ok\n'),
  ]).toString('utf8');
  const [problem] = parseLdif(text).problems;
  assert.equal(problem.code, 'ldif/replacement-character');
  assert.equal(problem.severity, 'error');
  assert.deepEqual(problem.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
  assert.match(problem.message, /not valid UTF-8.*base64/);
});

test('the range runs from the first U+FFFD of a line to its last, folded or not', () => {
  const [problem] = parseLdif('dn: cn=a,dc=b\ndescription: \ufffdab\n c\ufffd\n').problems;
  assert.deepEqual(problem.range, { start: { line: 1, character: 13 }, end: { line: 2, character: 3 } });
});
