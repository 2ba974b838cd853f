/**
 * Apply that never loses data, on the real 389-DS: reject files that keep secrets and are
 * never written through a link, local files read only when regular and small enough, requests
 * the server would drop refused with their size, messages that help, and LDAPI with SASL
 * EXTERNAL as FreeIPA admins bind on the server itself.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { adminClient, connectArgs, readBack, runApply, runId, testServer, type CliRun } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;

const run = runId();
const people = () => `ou=People,${live.suffix}`;
const user = (name: string) => `uid=${run}-${name},${people()}`;
let dir: string;
let client: Client;
const outputs: string[] = [];
const cleanup: string[] = [];

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'winsync-safety-'));
  client = await adminClient(live);
});

after(async () => {
  if (skip) return;
  for (const text of outputs)
    assert.ok(!text.includes(live.password), `the bind password leaked into output:\n${text}`);
  for (const dn of cleanup.reverse()) await client.del(dn).catch(() => undefined);
  await client.unbind();
  rmSync(dir, { recursive: true, force: true });
});

async function apply(
  name: string,
  ldif: string,
  extra: string[] = [],
  options: { signal?: AbortSignal; onStdout?: (text: string) => void } = {},
): Promise<CliRun> {
  writeFileSync(join(dir, name), ldif);
  const result = await runApply([...connectArgs(live), ...extra, name], { cwd: dir, ...options });
  outputs.push(result.stdout, result.stderr);
  return result;
}

const addUser = (name: string, extra = '') =>
  `dn: ${user(name)}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-${name}\ncn: ${name}\nsn: ${name}\n${extra}`;

test(
  'point 1: after an interrupted run of 200 user adds with passwords, applying the reject file sets every password',
  { skip, timeout: 120_000 },
  async () => {
    const password = (i: number) => `Pw-${run}-${i}!x`;
    const ldif = Array.from({ length: 200 }, (_, i) => addUser(`pw${i}`, `userPassword: ${password(i)}\n`)).join('\n');
    for (let i = 0; i < 200; i++) cleanup.push(user(`pw${i}`));
    const controller = new AbortController();
    const first = await apply('users.ldif', ldif, ['--reject-file', 'users.rej.ldif'], {
      signal: controller.signal,
      onStdout: (text) => {
        if ((text.match(/^applied /gm) ?? []).length >= 50) controller.abort();
      },
    });
    assert.equal(first.code, 1, first.stderr);
    const applied = (first.stdout.match(/^applied /gm) ?? []).length;
    assert.ok(applied >= 50 && applied < 200, `${applied} applied before the interrupt`);
    assert.match(first.stderr, /\(cancelled\)\nrecords not applied were written to users\.rej\.ldif\n/);
    const rejectPath = join(dir, 'users.rej.ldif');
    assert.equal(statSync(rejectPath).mode & 0o777, 0o600);
    const rejected = readFileSync(rejectPath, 'utf8');
    assert.equal(
      (rejected.match(/^userPassword: /gm) ?? []).length,
      200 - applied,
      'every record not applied keeps its password',
    );

    const again = await apply('again.ldif', rejected);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stderr, new RegExp(`^${200 - applied} applied on `, 'm'));
    // 389-DS stores passwords hashed (a compare says FALSE): each user binds with its own.
    const missing: number[] = [];
    const binder = new Client({ url: live.url, timeout: 10_000, connectTimeout: 5_000 });
    try {
      for (let i = 0; i < 200; i++) await binder.bind(user(`pw${i}`), password(i)).catch(() => missing.push(i));
    } finally {
      await binder.unbind();
    }
    assert.deepEqual(missing, [], 'every user has its password');
    for (const text of [first.stdout, first.stderr, again.stdout, again.stderr])
      assert.doesNotMatch(text, /Pw-[0-9a-f]+-\d+!x/, 'no password in the output');
  },
);

test(
  'point 2: a reject file path through a symlink, or in a folder that does not exist, is refused before anything is sent',
  { skip },
  async () => {
    const precious = join(dir, 'precious.txt');
    writeFileSync(precious, 'keep me\n', { mode: 0o644 });
    symlinkSync(precious, join(dir, 'linked.rej.ldif'));
    cleanup.push(user('linked'), user('nofolder'));
    const linked = await apply('linked.ldif', addUser('linked'), ['--reject-file', 'linked.rej.ldif']);
    assert.equal(linked.code, 2);
    assert.match(
      linked.stderr,
      /The reject file .*linked\.rej\.ldif is a symbolic link; it is never written through; nothing was sent\./,
    );
    assert.equal(readFileSync(precious, 'utf8'), 'keep me\n');
    assert.equal(statSync(precious).mode & 0o777, 0o644);
    assert.equal(await readBack(client, user('linked')), undefined, 'nothing was sent');

    const unwritable = await apply('nofolder.ldif', addUser('nofolder'), ['--reject-file', 'no/such/folder/r.ldif']);
    assert.equal(unwritable.code, 2);
    assert.match(
      unwritable.stderr,
      /The reject file .*r\.ldif is in a folder that does not exist; nothing was sent\. Fix: Give a path in a folder you can write to\./,
    );
    assert.doesNotMatch(unwritable.stderr, /internal error/);
    assert.equal(await readBack(client, user('nofolder')), undefined, 'nothing was sent');
  },
);

test(
  'point 3: /dev/zero, a FIFO and an oversized file are refused at once, also by --dry-run, and nothing is sent',
  { skip, timeout: 60_000 },
  async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const sparse = join(dir, 'sparse.bin');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 3 * 1024 * 1024);
    closeSync(fd);
    cleanup.push(user('files'));
    const ldif = addUser(
      'files',
      `description:< file:///dev/zero\nseeAlso:< file://${fifo}\njpegPhoto:< file://${sparse}\n`,
    );
    for (const mode of [[], ['--dry-run']]) {
      const started = Date.now();
      const result = await apply('files.ldif', ldif, mode);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        /files\.ldif:\d+:\d+: error ldif\/local-file-unreadable: The file \/dev\/zero named by "file:\/\/\/dev\/zero" is a device; only regular files are read/,
      );
      assert.match(result.stderr, /The file .*pipe named by .* is a FIFO; only regular files are read/);
      assert.match(
        result.stderr,
        /The file .*sparse\.bin named by .* is 3 MiB, more than the 2 MiB a value may be read from/,
      );
      assert.match(result.stderr, /3 problems: nothing was sent/);
      assert.equal(result.stdout, '');
    }
    assert.equal(await readBack(client, user('files')), undefined);
  },
);

test(
  'point 4 (server): the dry run shows a local file by path, size and digest, never its content',
  { skip },
  async () => {
    const secretFile = join(dir, 'notes.txt');
    writeFileSync(secretFile, 'TOP-SECRET-CONTENT line\n');
    cleanup.push(user('notes'));
    const dry = await apply('notes.ldif', addUser('notes', 'description:< file:notes.txt\n'), ['--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(
      dry.stdout,
      new RegExp(
        `description: \\(none\\) → \\(file ${secretFile.replace(/[.]/g, '\\.')}: 24 bytes, sha256 [0-9a-f]{16}…\\)`,
      ),
    );
    assert.doesNotMatch(dry.stdout + dry.stderr, /TOP-SECRET-CONTENT/);
  },
);

test(
  'point 8: a 10 MB value and 100k member values are refused as too large with the server limit; --continue goes on',
  { skip, timeout: 120_000 },
  async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61).toString('base64');
    const members = Array.from({ length: 100_000 }, (_, i) => `member: uid=m${i},${people()}`).join('\n');
    cleanup.push(`cn=${run}-big,${people()}`, user('after-big'));
    const ldif = [
      `dn: cn=${run}-big,${people()}\nchangetype: add\nobjectClass: groupOfNames\ncn: ${run}-big\nmember: ${user('x')}\n`,
      `dn: cn=${run}-big,${people()}\nchangetype: modify\nreplace: description\ndescription:: ${big}\n-\n`,
      `dn: cn=${run}-big,${people()}\nchangetype: modify\nadd: member\n${members}\n-\n`,
      addUser('after-big'),
    ].join('\n');
    const result = await apply('big.ldif', ldif, ['--continue']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0], /^applied /);
    assert.match(
      lines[1],
      /^failed +big\.ldif:\d+ +modify .*Not sent: the modify of .* is 10\.0 MiB as a request, more than the 2 MiB the server accepts \(nsslapd-maxbersize on localhost:\d+\).*Fix: Split the values/,
    );
    assert.match(
      lines[2],
      /^failed +big\.ldif:\d+ +modify .*Not sent: the modify of .* is [34]\.\d MiB as a request, more than the 2 MiB/,
    );
    assert.match(lines[3], /^applied .*after-big/, 'the connection was kept and the run went on');
    assert.doesNotMatch(result.stdout + result.stderr, /connection lost|check that the server is running/i);
    assert.ok(await readBack(client, user('after-big')));
  },
);

test(
  'point 10 (server): 65 on a rename suggests deleteoldrdn: 0; 32 on an escaped agreement DN does not suggest escaping it; ESC is printed escaped',
  { skip },
  async () => {
    const alice = `cn=${run} Alice,${people()}`;
    cleanup.push(alice, `uid=${run}-alice,${people()}`);
    const esc = `cn=${run}-\u001b[2Jx,${people()}`;
    const escBase64 = Buffer.from(esc).toString('base64');
    const ldif = [
      `dn: ${alice}\nchangetype: add\nobjectClass: inetOrgPerson\ncn: ${run} Alice\nsn: Alice\nuid: ${run}-alice\n`,
      `dn: ${alice}\nchangetype: modrdn\nnewrdn: uid=${run}-alice\ndeleteoldrdn: 1\n`,
      `dn: cn=${run}-nope,cn=replica,cn=dc\\3Dnowhere\\2Cdc\\3Dcom,cn=mapping tree,cn=config\nchangetype: delete\n`,
      `dn:: ${escBase64}\nchangetype: delete\n`,
    ].join('\n');
    const result = await apply('messages.ldif', ldif, ['--continue', '--reject-file', 'messages.rej.ldif']);
    const [, rename, agreement, escaped] = result.stdout.trim().split('\n');
    assert.match(
      rename,
      /65 Object class violation.*the rename would remove the last cn value .* Fix: Keep the old RDN value: write "deleteoldrdn: 0"/,
    );
    assert.doesNotMatch(rename, /Add a "cn:" line/);
    assert.match(
      agreement,
      /32 No such object.*The suffix RDN is escaped as it should be: check that this server holds a replica for dc=nowhere,dc=com/,
    );
    assert.doesNotMatch(agreement, /write the suffix RDN escaped/);
    assert.match(escaped, /cn=[0-9a-f]+-\\1B\[2Jx,ou=People/);
    const rejected = readFileSync(join(dir, 'messages.rej.ldif'), 'utf8');
    for (const text of [result.stdout, result.stderr, rejected])
      assert.ok(!text.includes('\u001b'), 'no raw ESC in any output');
  },
);

test(
  'point 11: ldapi:// with --sasl-external binds as root without a password (autobind maps it to the Directory Manager)',
  { skip },
  async () => {
    cleanup.push(user('ldapi'));
    writeFileSync(join(dir, 'ldapi.ldif'), addUser('ldapi', 'description: over LDAPI\n'));
    const result = await runApply(['--url', live.ldapiUrl, '--sasl-external', 'ldapi.ldif'], { cwd: dir });
    outputs.push(result.stdout, result.stderr);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^1 applied on \/run\/slapd-[\w-]+\.socket$/m);
    const stored = await readBack(client, user('ldapi'), ['description', 'creatorsName']);
    assert.deepEqual(stored?.description.map(String), ['over LDAPI']);
    assert.deepEqual(
      stored?.creatorsname.map((value) => String(value).toLowerCase()),
      ['cn=directory manager'],
    );
  },
);

test(
  'point 9: the dry run predicts the real run record by record: no change, a 65 from the server schema on a modrdn with deleteoldrdn: 1, and not attempted after the first failure',
  { skip },
  async () => {
    const bob = `cn=${run} Bob,${people()}`;
    const renamed = `uid=${run}-bob,${people()}`;
    cleanup.push(bob, renamed, user('late'));
    const seeded = await apply(
      'predict-seed.ldif',
      `dn: ${bob}\nchangetype: add\nobjectClass: inetOrgPerson\ncn: ${run} Bob\nsn: Bob\nuid: ${run}-bob\ndescription: same\n`,
    );
    assert.equal(seeded.code, 0, seeded.stderr);
    const ldif = [
      // Values that already match the server: no change.
      `dn: ${bob}\nchangetype: modify\nreplace: description\ndescription: same\n-\n`,
      // Removes the only cn, which inetOrgPerson (person) requires: 65.
      `dn: ${bob}\nchangetype: modrdn\nnewrdn: uid=${run}-bob\ndeleteoldrdn: 1\n`,
      addUser('late'),
    ].join('\n');
    const verdicts = async (extra: string[]) => {
      const dry = await apply('predict.ldif', ldif, ['--dry-run', '--format', 'json', ...extra]);
      const report = JSON.parse(dry.stdout) as {
        records: { verdict: string; findings: { code?: number; cause: string }[] }[];
      };
      return { code: dry.code, records: report.records };
    };

    const predicted = await verdicts([]);
    assert.equal(predicted.code, 1);
    assert.deepEqual(
      predicted.records.map((record) => record.verdict),
      ['no-change', 'would-fail', 'not-attempted'],
    );
    assert.equal(predicted.records[1].findings[0].code, 65);
    assert.match(predicted.records[1].findings[0].cause, /the rename would remove the last cn value/);
    assert.match(
      predicted.records[2].findings[0].cause,
      /Would not be attempted: the run would stop at predict\.ldif:7/,
    );
    const predictedOnward = await verdicts(['--continue']);
    assert.deepEqual(
      predictedOnward.records.map((record) => record.verdict),
      ['no-change', 'would-fail', 'would-apply'],
    );

    // The real runs answer as predicted: applied (changing nothing), 65, not attempted / applied.
    const real = await apply('predict.ldif', ldif, ['--format', 'json']);
    const report = JSON.parse(real.stdout) as { results: { status: string; code?: number }[] };
    assert.deepEqual(
      report.results.map((result) => [result.status, result.code]),
      [
        ['applied', 0],
        ['failed', 65],
        ['not-attempted', undefined],
      ],
    );
    assert.equal(await readBack(client, user('late')), undefined);
    const onward = await apply('predict.ldif', ldif, ['--format', 'json', '--continue']);
    assert.deepEqual(
      (JSON.parse(onward.stdout) as typeof report).results.map((result) => result.status),
      ['applied', 'failed', 'applied'],
    );
    assert.ok(await readBack(client, bob), 'the rename was refused');
  },
);

test(
  'point 10 (server): a one-letter bind password garbles no message: the server refuses the change and every word stays whole',
  { skip },
  async () => {
    const weak = user('weak-e');
    cleanup.push(weak);
    assert.equal((await apply('weak.ldif', addUser('weak-e', 'userPassword: e\n'))).code, 0);
    writeFileSync(
      join(dir, 'denied.ldif'),
      `dn: ${live.agreementDn}\nchangetype: modify\nreplace: description\ndescription: never\n-\n`,
    );
    const result = await runApply(['--url', live.url, '--bind-dn', weak, '--password-env', 'PW', 'denied.ldif'], {
      cwd: dir,
      env: { PW: 'e' },
    });
    outputs.push(result.stdout, result.stderr);
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout,
      /^failed +denied\.ldif:1 +modify cn=ad-sync,.*: 50 Insufficient access.*: the bind DN may not modify cn=ad-sync,.* Fix: Bind as an account with write access to this entry/,
    );
    assert.doesNotMatch(result.stdout + result.stderr, /\[withheld\]/);
  },
);
