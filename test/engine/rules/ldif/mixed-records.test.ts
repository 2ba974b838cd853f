import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';
import { parseWithDiagnostics as parseLdif } from '../helpers';

const codes = (doc: { readonly problems: readonly Diagnostic[] }) => doc.problems.map((p) => p.code);
const lines = (...text: string[]) => text.join('\n') + '\n';

test('mixing content and change records gives one info', () => {
  const doc = parseLdif(lines('dn: cn=a', 'cn: a', '', 'dn: cn=b', 'changetype: delete', '', 'dn: cn=c', 'cn: c'));
  assert.deepEqual(codes(doc), ['ldif/mixed-records']);
  assert.equal(doc.problems[0].severity, 'info');
});
