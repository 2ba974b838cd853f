import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';
import { parseWithDiagnostics as parseLdif } from '../helpers';

const codes = (doc: { readonly problems: readonly Diagnostic[] }) => doc.problems.map((p) => p.code);
const lines = (...text: string[]) => text.join('\n') + '\n';

test('a value line naming another attribute than its mod-spec is reported', () => {
  const doc = parseLdif(lines('dn: cn=x', 'changetype: modify', 'replace: description', 'descripton: typo', '-'));
  assert.deepEqual(codes(doc), ['ldif/mod-value-mismatch']);
  assert.match(doc.problems[0].message, /"descripton".*"description"/);
});
