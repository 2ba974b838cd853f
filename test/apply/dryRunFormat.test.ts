import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayValue, formatDryRunRecord } from '../../server/src/apply/dryRun';
import { renderRemedy } from '../../server/src/cli/remedies';

test('values are shown as text, binary as a size, secrets withheld, long text cut', () => {
  assert.equal(displayValue('cn', new TextEncoder().encode('élève')), 'élève');
  assert.equal(displayValue('jpegPhoto', new Uint8Array([0xff, 0xd8, 0x00])), '(3 bytes of binary data)');
  assert.equal(displayValue('nsDS5ReplicaCredentials', new TextEncoder().encode('AdPass123!')), '[withheld]');
  assert.match(displayValue('description', new TextEncoder().encode('x'.repeat(500))), /^x{120}… \(500 bytes\)$/);
});

test('control characters in values and DNs are printed escaped, never raw', () => {
  assert.equal(
    displayValue('description', new TextEncoder().encode('line one\nline two\t!')),
    'line one\\0Aline two\\09!',
  );
  const [head, change] = formatDryRunRecord(
    {
      source: { file: 'a.ldif', index: 0, line: 1 },
      dn: 'cn=evil\u001b[2J,dc=x',
      changeType: 'modify',
      verdict: 'would-apply',
      findings: [],
      changes: [{ type: 'cn', before: ['a\u001b[31mred'], after: ['b'] }],
    },
    renderRemedy,
  );
  assert.equal(head, 'would-apply   a.ldif:1  modify cn=evil\\1B[2J,dc=x');
  assert.equal(change, '    cn: a\\1B[31mred → b');
});

test('a dry-run record shows its verdict, findings and attribute changes', () => {
  assert.deepEqual(
    formatDryRunRecord(
      {
        source: { file: 'a.ldif', index: 0, line: 3 },
        dn: 'uid=a,dc=x',
        changeType: 'modify',
        verdict: 'would-apply',
        findings: [],
        changes: [
          { type: 'cn', before: ['A'], after: ['B'] },
          { type: 'mail', before: [], after: ['a@x', 'b@x'] },
        ],
      },
      renderRemedy,
    ),
    ['would-apply   a.ldif:3  modify uid=a,dc=x', '    cn: A → B', '    mail: (none) → a@x | b@x'],
  );
});
