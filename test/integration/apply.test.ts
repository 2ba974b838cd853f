import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'ldapts';
import { parseWithDiagnostics as parseLdif } from '../engine/rules/helpers';
import { adminClient, closedPort, connectArgs, readBack, runApply, runId, testServer, type CliRun } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const WRONG_CA = join(__dirname, '../fixtures/apply/wrong-ca.pem');

const run = runId();
const people = () => `ou=People,${live.suffix}`;
const user = (name: string) => `uid=${run}-${name},${people()}`;
const USER_PASSWORD = `UserPw-${run}-x9`;
const AD_PASSWORD = 'AdPass123!';
const PHOTO = Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x80, 0xfe, 0x0a, 0x0d, 0xff, 0xd9]);

let dir: string;
let client: Client;
const outputs: string[] = [];

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'winsync-apply-'));
  writeFileSync(join(dir, 'photo.jpg'), PHOTO);
  client = await adminClient(live);
});

after(async () => {
  if (skip) return;
  // Every output of this file, and every file it left, is free of passwords.
  for (const text of outputs) {
    for (const secret of [live.password, USER_PASSWORD, AD_PASSWORD])
      assert.ok(!text.includes(secret), `a secret leaked into output:\n${text}`);
  }
  await client.unbind();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the LDIF to the temp folder and applies it with the CLI; output is kept for the leak check. */
async function apply(name: string, ldif: string, ...extra: string[]): Promise<CliRun> {
  writeFileSync(join(dir, name), ldif);
  const result = await runApply([...connectArgs(live), ...extra, name], { cwd: dir });
  outputs.push(result.stdout, result.stderr);
  return result;
}

function lines(result: CliRun): string[] {
  return result.stdout.trim().split('\n');
}

const text = (value: string | Buffer) => value.toString();

test(
  'users: add with base64 and file:// values, then modify, modrdn, moddn and delete, read back after each',
  { skip },
  async () => {
    const jdoe = user('jdoe');
    const added = await apply(
      'add.ldif',
      `version: 1

dn: ${jdoe}
changetype: add
objectClass: top
objectClass: inetOrgPerson
uid: ${run}-jdoe
cn: John Doe
sn: Doe
description:: w6lsw6h2ZSBkZSBwYXNzYWdl
jpegPhoto:< file://photo.jpg
userPassword: ${USER_PASSWORD}
`,
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(lines(added)[0], new RegExp(`^applied +add\\.ldif:3 +add ${jdoe}$`));
    const stored = await readBack(client, jdoe, ['description', 'jpegPhoto', 'userPassword']);
    assert.deepEqual(stored?.description.map(text), ['élève de passage']);
    assert.deepEqual(stored?.jpegphoto, [PHOTO], 'binary value sent as bytes');
    assert.doesNotMatch(text(stored?.userpassword[0] ?? ''), new RegExp(USER_PASSWORD), 'the server hashes it');

    const modified = await apply(
      'modify.ldif',
      `dn: ${jdoe}
changetype: modify
replace: cn
cn: Johnny Doe
-
add: mail
mail: jdoe@example.com
mail: john.doe@example.com
-
delete: description
-
`,
    );
    assert.equal(modified.code, 0, modified.stderr);
    const afterModify = await readBack(client, jdoe, ['cn', 'mail', 'description']);
    assert.deepEqual(afterModify?.cn.map(text), ['Johnny Doe']);
    assert.deepEqual(afterModify?.mail.map(text).sort(), ['jdoe@example.com', 'john.doe@example.com']);
    assert.deepEqual(afterModify?.description, []);

    // deleteoldrdn: 0 keeps the old value; ldapts' own modifyDN could not send that.
    const renamed = await apply(
      'modrdn.ldif',
      `dn: ${jdoe}\nchangetype: modrdn\nnewrdn: uid=${run}-jdoe2\ndeleteoldrdn: 0\n`,
    );
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.equal(await readBack(client, jdoe), undefined);
    assert.deepEqual((await readBack(client, user('jdoe2'), ['uid']))?.uid.map(text).sort(), [
      `${run}-jdoe`,
      `${run}-jdoe2`,
    ]);

    const moved = `uid=${run}-jdoe3,ou=${run}-moved,${live.suffix}`;
    const movedResult = await apply(
      'moddn.ldif',
      `dn: ou=${run}-moved,${live.suffix}
changetype: add
objectClass: organizationalUnit
ou: ${run}-moved

dn: ${user('jdoe2')}
changetype: moddn
newrdn: uid=${run}-jdoe3
deleteoldrdn: 1
newsuperior: ou=${run}-moved,${live.suffix}
`,
    );
    assert.equal(movedResult.code, 0, movedResult.stderr);
    assert.deepEqual((await readBack(client, moved, ['uid']))?.uid.map(text).sort(), [`${run}-jdoe`, `${run}-jdoe3`]);

    const deleted = await apply(
      'delete.ldif',
      `dn: ${moved}\nchangetype: delete\n\ndn: ou=${run}-moved,${live.suffix}\nchangetype: delete\n`,
    );
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(await readBack(client, moved), undefined);
    assert.match(deleted.stderr, /^2 applied on localhost:\d+$/m);
  },
);

test(
  'the agreement: winSyncMoveAction, oneWaySync and nsds7WindowsReplicaSubtree are applied and read back, then restored',
  { skip },
  async () => {
    const original = await readBack(client, live.agreementDn, [
      'winSyncMoveAction',
      'oneWaySync',
      'nsds7WindowsReplicaSubtree',
    ]);
    assert.ok(original, 'the seeded agreement exists');
    const change = await apply(
      'agreement.ldif',
      `dn: ${live.agreementDn}
changetype: modify
replace: winSyncMoveAction
winSyncMoveAction: unsync
-
replace: oneWaySync
oneWaySync: fromWindows
-
replace: nsds7WindowsReplicaSubtree
nsds7WindowsReplicaSubtree: ou=Sync-${run},dc=ad,dc=example,dc=com
-
`,
    );
    assert.equal(change.code, 0, change.stderr);
    const changed = await readBack(client, live.agreementDn, [
      'winSyncMoveAction',
      'oneWaySync',
      'nsds7WindowsReplicaSubtree',
    ]);
    assert.deepEqual(changed?.winsyncmoveaction.map(text), ['unsync']);
    assert.deepEqual(changed?.onewaysync.map(text), ['fromWindows']);
    assert.deepEqual(changed?.nsds7windowsreplicasubtree.map(text), [`ou=Sync-${run},dc=ad,dc=example,dc=com`]);

    const restore = await apply(
      'restore.ldif',
      `dn: ${live.agreementDn}
changetype: modify
replace: winSyncMoveAction
winSyncMoveAction: ${text(original.winsyncmoveaction[0])}
-
delete: oneWaySync
-
replace: nsds7WindowsReplicaSubtree
nsds7WindowsReplicaSubtree: ${text(original.nsds7windowsreplicasubtree[0])}
-
`,
    );
    assert.equal(restore.code, 0, restore.stderr);
    const restored = await readBack(client, live.agreementDn, [
      'winSyncMoveAction',
      'oneWaySync',
      'nsds7WindowsReplicaSubtree',
    ]);
    assert.deepEqual(restored?.winsyncmoveaction.map(text), original.winsyncmoveaction.map(text));
    assert.deepEqual(restored?.onewaysync ?? [], []);
  },
);

const FAILING = () => `dn: ${user('c1')}
changetype: add
objectClass: inetOrgPerson
uid: ${run}-c1
cn: C One
sn: One
userPassword: ${USER_PASSWORD}

dn: ${user('c1')}
changetype: add
objectClass: inetOrgPerson
uid: ${run}-c1
cn: C One
sn: One
userPassword: ${USER_PASSWORD}

dn: ${user('nobody')}
changetype: modify
replace: description
description: x
-

dn: ${user('c1')}
changetype: modify
add: preferredLanguage
preferredLanguage: en
preferredLanguage: de
-

dn: ${user('c2')}
changetype: add
objectClass: inetOrgPerson
uid: ${run}-c2
cn: C Two
sn: Two
`;

test(
  'without --continue the run stops at the first failure and lists the rest as not attempted',
  { skip },
  async () => {
    const result = await apply(
      'stop.ldif',
      FAILING().replaceAll(`${run}-c`, `${run}-s`),
      '--reject-file',
      'stop.rej.ldif',
    );
    assert.equal(result.code, 1);
    assert.deepEqual(
      lines(result).map((line) => line.split(/\s+/).slice(0, 2).join(' ')),
      [
        'applied stop.ldif:1',
        'failed stop.ldif:9',
        'not-attempted stop.ldif:17',
        'not-attempted stop.ldif:23',
        'not-attempted stop.ldif:30',
      ],
    );
    assert.match(lines(result)[1], /68 Already exists/);
    assert.match(result.stderr, /1 applied, 1 failed, 3 not-attempted/);
    assert.equal(await readBack(client, user('s2')), undefined, 'nothing after the failure was sent');
  },
);

test(
  '--continue goes on past failures; each failure names code, record line, attribute and fix; the reject file holds them',
  { skip },
  async () => {
    const result = await apply('continue.ldif', FAILING(), '--continue', '--reject-file', 'continue.rej.ldif');
    assert.equal(result.code, 1);
    const [first, duplicate, missing, multiple, last] = lines(result);
    assert.match(first, /^applied +continue\.ldif:1 /);
    assert.match(duplicate, /^failed +continue\.ldif:9 +add .*68 Already exists.*Fix: Use changetype: modify/);
    assert.match(missing, /^failed +continue\.ldif:17 +modify .*32 No such object.*does not exist/);
    assert.match(
      multiple,
      /^failed +continue\.ldif:23 +modify .*65 Object class violation.*preferredLanguage \(line 26\).*single-valued.*Fix: Keep one preferredLanguage value/,
    );
    assert.match(last, /^applied +continue\.ldif:30 /);
    assert.ok(await readBack(client, user('c2')), 'records after failures were applied');

    const rejectPath = join(dir, 'continue.rej.ldif');
    assert.equal(statSync(rejectPath).mode & 0o777, 0o600);
    // The reject file keeps secret values (so applying it again sets them): it is owner-only, and not output.
    const rejected = readFileSync(rejectPath, 'utf8');
    assert.match(rejected, /# continue\.ldif:9: failed: 68 Already exists/);
    assert.match(rejected, /# continue\.ldif:17: failed: 32 No such object/);
    assert.match(rejected, /# continue\.ldif:23: failed: 65 Object class violation/);
    assert.ok(rejected.includes(`\nuserPassword: ${USER_PASSWORD}\n`), 'the secret is kept for the next run');
    assert.doesNotMatch(rejected, /continue\.ldif:1: |continue\.ldif:30: /, 'applied records are not in it');
    const reparsed = parseLdif(rejected);
    assert.equal(reparsed.records.length, 3);
    assert.deepEqual(
      reparsed.problems.filter((problem) => problem.severity === 'error'),
      [],
    );
  },
);

test(
  '--format json reports every record with status, code, server text, cause and fix, and no values',
  { skip },
  async () => {
    const result = await apply(
      'json.ldif',
      FAILING().replaceAll(`${run}-c`, `${run}-j`),
      '--continue',
      '--format',
      'json',
    );
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.dryRun, false);
    assert.deepEqual(report.counts, { applied: 2, failed: 3, unconfirmed: 0, 'not-attempted': 0 });
    assert.deepEqual(
      report.results.map((row: { status: string; code: number; source: { line: number } }) => [
        row.source.line,
        row.status,
        row.code,
      ]),
      [
        [1, 'applied', 0],
        [9, 'failed', 68],
        [17, 'failed', 32],
        [23, 'failed', 65],
        [30, 'applied', 0],
      ],
    );
    assert.match(report.results[3].serverText, /single-valued attribute "preferredLanguage" has multiple values/);
    assert.doesNotMatch(report.results[3].serverText, /Code: 0x/);
  },
);

test(
  'dry run writes nothing and shows attribute-level before → after, flagging an existing add and a missing target',
  { skip },
  async () => {
    const target = user('dry');
    assert.equal(
      (
        await apply(
          'dry-seed.ldif',
          `dn: ${target}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-dry\ncn: Dry\nsn: Run\n`,
        )
      ).code,
      0,
    );
    const ldif = `dn: ${target}
changetype: modify
replace: cn
cn: Dry Changed
-
add: mail
mail: dry@example.com
-

dn: ${target}
changetype: add
objectClass: inetOrgPerson
uid: ${run}-dry
cn: Again
sn: Again

dn: ${user('ghost')}
changetype: delete

dn: ${live.agreementDn}
changetype: modify
replace: winSyncMoveAction
winSyncMoveAction: delete
-
`;
    const result = await apply('dry.ldif', ldif, '--dry-run', '--continue');
    assert.equal(result.code, 1, 'some record would fail');
    assert.match(
      result.stdout,
      new RegExp(
        `would-apply +dry\\.ldif:1  modify ${target}\\n    cn: Dry → Dry Changed\\n    mail: \\(none\\) → dry@example\\.com`,
      ),
    );
    assert.match(result.stdout, /would-fail +dry\.ldif:10  add .*\n    ! 68 Already exists/);
    assert.match(result.stdout, /would-fail +dry\.ldif:17  delete .*\n    ! 32 No such object/);
    assert.match(
      result.stdout,
      /would-apply +dry\.ldif:20  modify cn=ad-sync,.*\n    winSyncMoveAction: none → delete\n/,
    );
    assert.doesNotMatch(
      result.stdout,
      /nsds5replicaLastUpdate|nsds5replicareapactive/i,
      'server-maintained status is not diffed',
    );
    assert.match(result.stderr, /nothing written: 2 would apply, 2 would fail/);
    const unchanged = await readBack(client, target, ['cn', 'mail']);
    assert.deepEqual(unchanged?.cn.map(text), ['Dry']);
    assert.deepEqual(unchanged?.mail, []);
    assert.deepEqual((await readBack(client, live.agreementDn, ['winSyncMoveAction']))?.winsyncmoveaction.map(text), [
      'none',
    ]);
  },
);

test(
  'a document with validation errors is refused before connecting; --force sends it and 53 is explained by the finding',
  { skip },
  async () => {
    const agreement = `cn=${run}-incomplete,${live.agreementDn.slice(live.agreementDn.indexOf(',') + 1)}`;
    const ldif = `dn: ${agreement}
changetype: add
objectClass: top
objectClass: nsDSWindowsReplicationAgreement
cn: ${run}-incomplete
nsDS5ReplicaRoot: ${live.suffix}
nsDS5ReplicaPort: 389
nsDS5ReplicaBindDN: cn=sync,cn=Users,dc=ad,dc=example,dc=com
nsDS5ReplicaCredentials: ${AD_PASSWORD}
nsds7WindowsReplicaSubtree: cn=Users,dc=ad,dc=example,dc=com
nsds7DirectoryReplicaSubtree: ${people()}
nsds7WindowsDomain: ad.example.com
`;
    const refused = await apply('incomplete.ldif', ldif);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /incomplete\.ldif:1:1: error winsync\/missing-required: Missing nsDS5ReplicaHost/);
    assert.match(refused.stderr, /nothing was sent/);
    assert.equal(refused.stdout, '');

    const forced = await apply('incomplete.ldif', ldif, '--force');
    assert.equal(forced.code, 1);
    assert.match(
      forced.stdout,
      /failed +incomplete\.ldif:1 +add .*53 Server is unwilling to perform with no text; the likely reason \(line 1\): Missing nsDS5ReplicaHost/,
    );
    assert.equal(await readBack(client, agreement), undefined);
  },
);

test(
  'a bad schedule on the agreement (1, no text) and a non-integer interval (21) are explained with attribute and line',
  { skip },
  async () => {
    const result = await apply(
      'agreement-bad.ldif',
      `dn: ${live.agreementDn}
changetype: modify
replace: nsds5ReplicaUpdateSchedule
nsds5ReplicaUpdateSchedule: 0800-0700 0
-

dn: ${live.agreementDn}
changetype: modify
replace: winSyncInterval
winSyncInterval: abc
-
`,
      '--continue',
      '--force',
    );
    assert.equal(result.code, 1);
    const [schedule, interval] = lines(result);
    assert.match(schedule, /1 Operations error with no text; .*nsds5ReplicaUpdateSchedule.*line [34]/i);
    assert.match(
      interval,
      /21 Invalid syntax .*winSyncInterval \(line 10\) does not match its syntax.*Fix: Write a whole number/,
    );
  },
);

test(
  'controls are sent: an unknown critical control is refused (12), a known non-critical one is accepted',
  { skip },
  async () => {
    const target = user('ctl');
    const result = await apply(
      'controls.ldif',
      `dn: ${target}
control: 1.3.6.1.4.1.99999.1 true
changetype: add
objectClass: inetOrgPerson
uid: ${run}-ctl
cn: Ctl
sn: Ctl

dn: ${target}
control: 2.16.840.1.113730.3.4.2 false
changetype: add
objectClass: inetOrgPerson
uid: ${run}-ctl
cn: Ctl
sn: Ctl
`,
      '--continue',
    );
    const [critical, manageDsaIt] = lines(result);
    assert.match(
      critical,
      /failed .*12 Critical extension is unavailable.*Fix: Remove the control, or mark it non-critical/,
    );
    assert.match(manageDsaIt, /^applied /);
  },
);

test('increment is sent as RFC 4525 and its refusal by 389-DS is explained', { skip }, async () => {
  const result = await apply(
    'increment.ldif',
    `dn: ${live.agreementDn}\nchangetype: modify\nincrement: winSyncInterval\nwinSyncInterval: 1\n-\n`,
    '--force',
  );
  assert.match(lines(result)[0], /2 Protocol error.*does not support "increment:".*Fix: Use "replace:"/);
});

test('StartTLS and LDAPS apply with the instance CA; a wrong CA stops before anything is sent', { skip }, async () => {
  const ldif = (value: string) =>
    `dn: ${people()}\nchangetype: modify\nreplace: description\ndescription: ${value}\n-\n`;
  writeFileSync(join(dir, 'tls.ldif'), ldif(`starttls-${run}`));
  const startTls = await runApply([...connectArgs(live), '--starttls', '--ca-file', live.caFile, 'tls.ldif'], {
    cwd: dir,
  });
  assert.equal(startTls.code, 0, startTls.stderr);
  assert.deepEqual((await readBack(client, people(), ['description']))?.description.map(text), [`starttls-${run}`]);

  writeFileSync(join(dir, 'ldaps.ldif'), ldif(`ldaps-${run}`));
  const ldaps = await runApply([...connectArgs(live, live.tlsUrl), '--ca-file', live.caFile, 'ldaps.ldif'], {
    cwd: dir,
  });
  assert.equal(ldaps.code, 0, ldaps.stderr);
  assert.deepEqual((await readBack(client, people(), ['description']))?.description.map(text), [`ldaps-${run}`]);

  writeFileSync(join(dir, 'wrong.ldif'), ldif(`wrong-${run}`));
  const wrong = await runApply([...connectArgs(live, live.tlsUrl), '--ca-file', WRONG_CA, 'wrong.ldif'], { cwd: dir });
  outputs.push(startTls.stderr, ldaps.stderr, wrong.stderr);
  assert.equal(wrong.code, 2);
  assert.equal(wrong.stdout, '');
  assert.match(
    wrong.stderr,
    /^winsync-ldif apply: The TLS certificate of localhost:\d+ is not signed by a trusted CA.*15\.5\.1.*15\.5\.7.*\n$/,
  );
  assert.deepEqual((await readBack(client, people(), ['description']))?.description.map(text), [`ldaps-${run}`]);
});

test('an account without write rights gets 50 explained, naming the entry and who may write it', { skip }, async () => {
  const limited = user('limited');
  const limitedPassword = `Limited-${run}-pw`;
  await client.add(limited, {
    objectClass: ['inetOrgPerson'],
    uid: `${run}-limited`,
    cn: 'L',
    sn: 'L',
    userPassword: limitedPassword,
  });
  writeFileSync(
    join(dir, 'rights.ldif'),
    `dn: ${live.agreementDn}\nchangetype: modify\nreplace: winSyncMoveAction\nwinSyncMoveAction: delete\n-\n`,
  );
  const result = await runApply(
    ['--url', live.url, '--bind-dn', limited, '--password-env', 'LIMITED_PW', 'rights.ldif'],
    { cwd: dir, env: { LIMITED_PW: limitedPassword } },
  );
  outputs.push(result.stdout, result.stderr);
  assert.ok(!`${result.stdout}${result.stderr}`.includes(limitedPassword));
  assert.equal(result.code, 1);
  assert.match(
    lines(result)[0],
    /^failed +rights\.ldif:1 +modify cn=ad-sync,.*50 Insufficient access.*the bind DN may not modify .*Fix: Bind as an account with write access/,
  );
  assert.deepEqual((await readBack(client, live.agreementDn, ['winSyncMoveAction']))?.winsyncmoveaction.map(text), [
    'none',
  ]);
});

test(
  'a wrong password and a refused port exit 2 with one line naming the cause, the place and the fix',
  { skip },
  async () => {
    writeFileSync(
      join(dir, 'noop.ldif'),
      `dn: ${people()}\nchangetype: modify\nreplace: description\ndescription: never\n-\n`,
    );
    const env = { WS_TEST_PW: `${live.password}-wrong` };
    const wrongPassword = await runApply(
      ['--url', live.url, '--bind-dn', live.bindDn, '--password-env', 'WS_TEST_PW', 'noop.ldif'],
      { cwd: dir, env },
    );
    const port = await closedPort();
    const refused = await runApply([...connectArgs(live, `ldap://127.0.0.1:${port}`), 'noop.ldif'], { cwd: dir });
    outputs.push(wrongPassword.stderr, wrongPassword.stdout, refused.stderr, refused.stdout);
    assert.equal(wrongPassword.code, 2);
    assert.match(
      wrongPassword.stderr,
      /^winsync-ldif apply: localhost:\d+ refused the bind as "cn=Directory Manager": 49 Invalid credentials.*Fix: .*\n$/,
    );
    assert.ok(!wrongPassword.stderr.includes(env.WS_TEST_PW));
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      new RegExp(`^winsync-ldif apply: Connection refused by 127\\.0\\.0\\.1:${port}.*Fix: .*\\n$`),
    );
  },
);

test(
  're-running a file after a partial apply: the records already applied answer 68, 20 and 16, each explained as probably applied by the earlier run',
  { skip },
  async () => {
    const target = user('rerun');
    const ldif = `dn: ${target}
changetype: add
objectClass: inetOrgPerson
uid: ${run}-rerun
cn: Re Run
sn: Run
description: first

dn: ${target}
changetype: modify
add: mail
mail: rerun@example.com
-
delete: description
description: first
-

dn: uid=${run}-nobody,ou=Missing,${live.suffix}
changetype: modify
replace: description
description: stops the first run here
`;
    const first = await apply('rerun.ldif', ldif);
    assert.equal(first.code, 1);
    assert.deepEqual(
      lines(first).map((line) => line.split(/\s+/)[0]),
      ['applied', 'applied', 'failed'],
    );
    const again = await apply('rerun.ldif', ldif, '--continue');
    const [add, modify] = lines(again);
    assert.match(
      add,
      /68 Already exists: .* is already there \(if an earlier run of this file stopped part-way, this record was probably applied then\)/,
    );
    // The modify's first mod-spec (add: mail) already holds: 20. Its delete of the old description would be 16.
    assert.match(
      modify,
      /20 Type or value exists: .* already has this value \(if an earlier run of this file stopped part-way/,
    );
    const removeAgain = await apply(
      'rerun-delete.ldif',
      `dn: ${target}\nchangetype: modify\ndelete: description\ndescription: first\n-\n`,
    );
    assert.match(
      lines(removeAgain)[0],
      /16 No such attribute: .* is not present on .*\(if an earlier run of this file stopped part-way/,
    );
  },
);
