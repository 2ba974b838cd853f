import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';
import { parseWithDiagnostics as parseLdif } from '../helpers';

const codes = (doc: { readonly problems: readonly Diagnostic[] }) => doc.problems.map((p) => p.code);
const lines = (...text: string[]) => text.join('\n') + '\n';

test('a mod-spec not closed before the next one is reported where the next one starts', () => {
  const doc = parseLdif(lines('dn: cn=x', 'changetype: modify', 'replace: a', 'a: 1', 'replace: b', 'b: 2'));
  assert.deepEqual(codes(doc), ['ldif/missing-dash']);
  assert.deepEqual(doc.problems[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } });
  assert.equal(doc.records[0].modifications.length, 2);
  assert.deepEqual(doc.problems[0].fixes?.[0].edits, [
    { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '-\n' },
  ]);
});
