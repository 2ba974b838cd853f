import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';
import { parseWithDiagnostics as parseLdif } from '../helpers';

const codes = (doc: { readonly problems: readonly Diagnostic[] }) => doc.problems.map((p) => p.code);
const lines = (...text: string[]) => text.join('\n') + '\n';

test('delete takes no lines; add needs attributes; unknown changetype is named', () => {
  assert.deepEqual(codes(parseLdif(lines('dn: cn=x', 'changetype: delete', 'cn: x'))), ['ldif/content-after-delete']);
  assert.deepEqual(codes(parseLdif(lines('dn: cn=x', 'changetype: add'))), ['ldif/add-without-attributes']);
  const unknown = parseLdif(lines('dn: cn=x', 'changetype: update', 'cn: x'));
  assert.deepEqual(codes(unknown), ['ldif/unknown-changetype']);
  assert.match(unknown.problems[0].message, /"update".*add, delete, modify, modrdn or moddn/);
  assert.deepEqual(unknown.problems[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } });
});
