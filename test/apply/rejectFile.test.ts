import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLdif } from '../../server/src/engine/ldif/parser';
import { formatRejectFile } from '../../server/src/apply/rejectFile';
import type { RecordResult } from '../../server/src/apply/run';

const text = [
  'dn: uid=a,dc=x',
  'changetype: add',
  'objectClass: inetOrgPerson',
  'userPassword: Sup3rSecret',
  'cn: A',
  '',
  'dn: uid=b,dc=x',
  'changetype: delete',
  '',
].join('\n');
const document = parseLdif(text);
const source = { lines: text.split('\n'), document };
const meta = { address: 'h:389', date: new Date('2026-01-02T03:04:05Z') };

const result = (
  index: number,
  line: number,
  status: RecordResult['status'],
  cause: string,
  fix: string,
): RecordResult => ({
  source: { file: 'in.ldif', index, line },
  dn: undefined,
  changeType: 'add',
  status,
  cause,
  fix,
});

test('failed and not-attempted records are written with the reason above them; secrets are withheld', () => {
  const written = formatRejectFile(
    [
      result(0, 1, 'failed', '68 Already exists: uid=a,dc=x is already there.', 'Use changetype: modify.'),
      result(1, 7, 'not-attempted', 'Not attempted: the run stopped at in.ldif:1.', 'Apply again.'),
    ],
    () => source,
    meta,
  );
  assert.equal(
    written,
    [
      '# winsync-ldif apply: 2 record(s) not applied to h:389 on 2026-01-02T03:04:05.000Z.',
      '# Fix the cause noted above each record, then apply this file again.',
      '',
      '# in.ldif:1: failed: 68 Already exists: uid=a,dc=x is already there.',
      '# fix: Use changetype: modify.',
      'dn: uid=a,dc=x',
      'changetype: add',
      'objectClass: inetOrgPerson',
      '# userPassword: [withheld] (secret; copy this line from in.ldif:4 before applying)',
      'cn: A',
      '',
      '# in.ldif:7: not-attempted: Not attempted: the run stopped at in.ldif:1.',
      '# fix: Apply again.',
      'dn: uid=b,dc=x',
      'changetype: delete',
      '',
    ].join('\n'),
  );
  assert.equal(parseLdif(written ?? '').records.length, 2, 'the reject file is LDIF again');
});

test('nothing to reject gives undefined', () => {
  assert.equal(
    formatRejectFile([{ ...result(0, 1, 'applied', '', ''), code: 0 }], () => source, meta),
    undefined,
  );
});
