import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../../server/src/engine/service';

const service = getLanguageService();

test('past winsyncLdif.maxDiagnostics one info stands for the rest, on the first problem left out', () => {
  const text = ['dn: cn=x,dc=example,dc=com', 'cn: x', 'no colon one', 'no colon two', 'no colon three', ''].join('\n');
  const found = service.validate(service.parse(text), { maxDiagnostics: 2 });
  assert.deepEqual(
    found.map((d) => d.code),
    ['ldif/missing-colon', 'ldif/missing-colon', 'winsync/too-many-diagnostics'],
  );
  const [, , notice] = found;
  assert.equal(notice.severity, 'info');
  assert.equal(notice.range.start.line, 4);
  assert.equal(
    notice.message,
    'Only 2 of 3 problems are shown (errors first, then warnings, then the rest); the first one left out is on this line. Fix these, or raise winsyncLdif.maxDiagnostics to see more.',
  );
  assert.deepEqual(
    service.validate(service.parse(text), { maxDiagnostics: 3 }).map((d) => d.code),
    ['ldif/missing-colon', 'ldif/missing-colon', 'ldif/missing-colon'],
  );
});
