import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyProblems, dryRunProblems } from '../../client/src/apply/resultDiagnostics';
import { recordsTouching } from '../../client/src/apply/records';
import type { RecordResult } from '../../server/src/apply/run';
import type { DryRunRecord } from '../../server/src/apply/dryRun';
import { parseLdif } from '../../server/src/engine/ldif/parser';

const source = (line: number, index = 0) => ({ file: 'a.ldif', index, line });

test('failed records become errors and unconfirmed ones warnings, on their dn: line, with cause and fix on one line', () => {
  const results: RecordResult[] = [
    { source: source(1), dn: 'uid=a', changeType: 'add', status: 'applied', code: 0 },
    {
      source: source(5, 1),
      dn: 'uid=b',
      changeType: 'modify',
      status: 'failed',
      code: 32,
      failure: 'ldap',
      cause: '32 No such object: uid=b does not exist.',
      remedy: { kind: 'advice', text: 'Add the entry first.' },
    },
    {
      source: source(9, 2),
      dn: 'uid=c',
      changeType: 'delete',
      status: 'unconfirmed',
      failure: 'connection',
      cause: 'The connection was lost\nduring the delete.',
      remedy: { kind: 'raise-timeout', timeout: 'operation', advice: 'Read the entry back.' },
    },
    {
      source: source(12, 3),
      dn: 'uid=d',
      changeType: 'delete',
      status: 'not-attempted',
      cause: 'Not attempted.',
      remedy: { kind: 'advice', text: 'Apply again.' },
    },
  ];
  assert.deepEqual(applyProblems(results), [
    {
      line: 4,
      severity: 'error',
      code: 'apply/failed',
      message: 'Apply failed: 32 No such object: uid=b does not exist. Fix: Add the entry first.',
    },
    {
      line: 8,
      severity: 'warning',
      code: 'apply/unconfirmed',
      message:
        'Apply unconfirmed: The connection was lost during the delete. Fix: Read the entry back. If the server is slow, raise "timeoutSeconds" in the connection profile.',
    },
  ]);
});

test('a dry run marks each finding of a record that would fail, and nothing for records that would apply', () => {
  const records: DryRunRecord[] = [
    { source: source(1), dn: 'uid=a', changeType: 'modify', verdict: 'would-apply', findings: [], changes: [] },
    { source: source(3), dn: 'uid=a', changeType: 'modify', verdict: 'no-change', findings: [], changes: [] },
    {
      source: source(6, 1),
      dn: 'uid=b',
      changeType: 'add',
      verdict: 'would-fail',
      findings: [
        {
          kind: 'ldap',
          code: 68,
          cause: '68 Already exists: uid=b already exists on the server.',
          remedy: { kind: 'advice', text: 'Use changetype: modify.' },
        },
      ],
      changes: [],
    },
  ];
  assert.deepEqual(dryRunProblems(records), [
    {
      line: 5,
      severity: 'warning',
      code: 'dry-run/would-fail',
      message: 'Dry run: 68 Already exists: uid=b already exists on the server. Fix: Use changetype: modify.',
    },
  ]);
});

test('a selection covers every record it shares a line with', () => {
  const document = parseLdif(
    'dn: uid=a,dc=x\nchangetype: delete\n\ndn: uid=b,dc=x\nchangetype: delete\n\ndn: uid=c,dc=x\nchangetype: delete\n',
  );
  assert.deepEqual(recordsTouching(document, [{ start: 0, end: 0 }]), [0]);
  assert.deepEqual(recordsTouching(document, [{ start: 1, end: 3 }]), [0, 1]);
  assert.deepEqual(
    recordsTouching(document, [
      { start: 0, end: 0 },
      { start: 6, end: 6 },
    ]),
    [0, 2],
  );
  assert.deepEqual(recordsTouching(document, [{ start: 40, end: 41 }]), []);
});
