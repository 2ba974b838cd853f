import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chownSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../server/src/engine/catalog';
import { parseLdif } from '../../server/src/engine/ldif/parser';
import { ApplyError } from '../../server/src/apply/errors';
import { RejectFile } from '../../server/src/apply/rejectFile';
import type { ApplySummary, RecordResult } from '../../server/src/apply/run';
import { sourceRecords, textInput, type SourceRecord } from '../../server/src/apply/source';
import { renderRemedy } from '../../server/src/cli/remedies';

const dir = mkdtempSync(join(tmpdir(), 'winsync-reject-'));
const text = [
  'dn: uid=a,dc=x',
  'changetype: add',
  'objectClass: inetOrgPerson',
  'userPassword: Sup3rSecret',
  'jpegPhoto:< file:photos/a.jpg',
  'cn: A',
  '',
  'dn: uid=b,dc=x',
  'changetype: delete',
  '',
  'dn: uid=c,dc=x',
  'changetype: delete',
  '',
].join('\n');

async function records(): Promise<SourceRecord[]> {
  const found: SourceRecord[] = [];
  for await (const record of sourceRecords(textInput('in.ldif', '/data/ldif', text), loadCatalog())) found.push(record);
  return found;
}

const result = (record: SourceRecord, status: RecordResult['status'], cause = ''): RecordResult => ({
  source: record.source,
  dn: record.record.dn?.value,
  changeType: 'add',
  status,
  ...(status === 'applied' ? {} : { cause, remedy: { kind: 'advice', text: 'Apply again.' } }),
});

const summary = (counts: Partial<ApplySummary['counts']>): ApplySummary => ({
  address: 'h:389',
  stopReason: 'record-failed',
  total: 3,
  counts: { applied: 0, failed: 0, unconfirmed: 0, 'not-attempted': 0, ...counts },
});

const DATE = new Date('2026-01-02T03:04:05Z');

test('records not applied are written with the reason above them, secrets kept, relative file URLs made absolute, mode 0600', async () => {
  const path = join(dir, 'first.rej.ldif');
  const reject = await RejectFile.open(path);
  const [a, b, c] = await records();
  await reject.add(result(a, 'failed', '68 Already exists: uid=a,dc=x is already there.'), a, renderRemedy);
  await reject.add(result(b, 'applied'), b, renderRemedy);
  await reject.add(result(c, 'not-attempted', 'Not attempted: the run stopped at in.ldif:1.'), c, renderRemedy);
  assert.equal(await reject.finish(summary({ applied: 1, failed: 1, 'not-attempted': 1 }), DATE), true);
  const written = readFileSync(path, 'utf8');
  assert.equal(
    written,
    [
      '# winsync-ldif apply: 2 record(s) not applied to h:389 on 2026-01-02T03:04:05.000Z (1 failed, 0 unconfirmed, 1 not attempted).',
      '# Fix the cause noted above each record, then apply this file again.',
      '# The records keep their secret values (passwords, agreement credentials) so that applying them again sets them:',
      '# only the owner can read this file (mode 0600); delete it once its records are applied.',
      '',
      '# in.ldif:1: failed: 68 Already exists: uid=a,dc=x is already there.',
      '# fix: Apply again.',
      'dn: uid=a,dc=x',
      'changetype: add',
      'objectClass: inetOrgPerson',
      'userPassword: Sup3rSecret',
      'jpegPhoto:< file:///data/ldif/photos/a.jpg',
      'cn: A',
      '',
      '# in.ldif:11: not-attempted: Not attempted: the run stopped at in.ldif:1.',
      '# fix: Apply again.',
      'dn: uid=c,dc=x',
      'changetype: delete',
      '',
    ].join('\n'),
  );
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const reparsed = parseLdif(written);
  assert.equal(reparsed.records.length, 2, 'the reject file is LDIF again');
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.startsWith('.')),
    [],
    'no temporary file is left',
  );
});

test('an unconfirmed record is explained in the header', async () => {
  const path = join(dir, 'unconfirmed.rej.ldif');
  const reject = await RejectFile.open(path);
  const [a] = await records();
  await reject.add(result(a, 'unconfirmed', 'The connection was lost during the add of uid=a,dc=x.'), a, renderRemedy);
  await reject.finish(summary({ unconfirmed: 1 }), DATE);
  assert.match(
    readFileSync(path, 'utf8'),
    /# 1 record\(s\) are unconfirmed: they were sent, the answer was lost, and reading the entry back\n# could not tell/,
  );
});

test('when every record was applied the file says so, replacing an older reject file of the owner (not writing through it)', async () => {
  const path = join(dir, 'done.rej.ldif');
  writeFileSync(path, 'old\n', { mode: 0o644 });
  const other = join(dir, 'hard-link-to-old');
  linkSync(path, other);
  const reject = await RejectFile.open(path);
  assert.equal(await reject.finish({ ...summary({ applied: 3 }), stopReason: 'completed' }, DATE), false);
  assert.equal(
    readFileSync(path, 'utf8'),
    '# winsync-ldif apply: all 3 record(s) applied to h:389 on 2026-01-02T03:04:05.000Z.\n',
  );
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.equal(readFileSync(other, 'utf8'), 'old\n', 'the old file was replaced by rename, not written through');
});

async function refusal(path: string): Promise<string> {
  try {
    await RejectFile.open(path);
  } catch (error) {
    assert.ok(error instanceof ApplyError, String(error));
    assert.equal(error.explanation.kind, 'usage');
    return error.explanation.cause;
  }
  assert.fail(`${path} was accepted`);
}

test('a symlink, a file of another user, a folder and an unwritable place are refused before anything is sent, and left alone', async () => {
  const target = join(dir, 'precious.txt');
  writeFileSync(target, 'precious\n', { mode: 0o644 });
  const link = join(dir, 'link.rej.ldif');
  symlinkSync(target, link);
  assert.match(await refusal(link), /is a symbolic link; it is never written through; nothing was sent\.$/);
  assert.equal(readFileSync(target, 'utf8'), 'precious\n');
  assert.equal(statSync(target).mode & 0o777, 0o644);
  assert.ok(lstatSync(link).isSymbolicLink());

  const foreign = join(dir, 'foreign.rej.ldif');
  writeFileSync(foreign, 'theirs\n');
  chownSync(foreign, 65534, 65534);
  assert.match(await refusal(foreign), /belongs to another user \(uid 65534\); it is not replaced/);
  assert.equal(readFileSync(foreign, 'utf8'), 'theirs\n');

  assert.match(await refusal(dir), /exists and is not a regular file/);
  assert.match(
    await refusal(join(dir, 'missing-folder', 'r.ldif')),
    /is in a folder that does not exist; nothing was sent\.$/,
  );
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.startsWith('.')),
    [],
    'no temporary file is left',
  );
});
