import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';
import { parseWithDiagnostics as parseLdif } from '../helpers';

const codes = (doc: { readonly problems: readonly Diagnostic[] }) => doc.problems.map((p) => p.code);

test('no-break spaces pasted from a web page are reported with a fix that replaces them', () => {
  const doc = parseLdif('dn:\u00a0cn=name\u00a0of\u00a0sync,cn=config\nwinSyncMoveAction:\u00a0none\n');
  assert.deepEqual(codes(doc), ['ldif/no-break-space', 'ldif/no-break-space']);
  const [dn, value] = doc.problems;
  assert.match(dn.message, /3 no-break spaces.*right after the colon/);
  assert.deepEqual(dn.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 15 } });
  assert.deepEqual(
    dn.fixes?.[0].edits.map((e) => [e.range.start.character, e.newText]),
    [
      [3, ' '],
      [11, ' '],
      [14, ' '],
    ],
  );
  assert.match(value.message, /a no-break space/);
});
