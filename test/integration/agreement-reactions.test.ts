// What catalog-reactions.test.ts leaves out, checked on the real 389-DS for both kinds of agreement
// and data-driven from the catalog: a changed nsDS5ReplicaHost (accepted and stored; the agreement
// is deleted only after a restart, since a delete before it crashes 389-DS 2.3.1), the status
// attributes the server maintains, the attributes each kind may not carry (winsync/wrong-agreement-kind),
// and leading zeros in every integer setting (winsync/invalid-integer: 21).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Attribute, Change, type Client } from 'ldapts';
import { loadCatalog, type AgreementKind, type AttributeSpec } from '../../server/src/engine/catalog';
import { resultCodeOf } from '../../server/src/apply/errors';
import { adminClient, closedPort, readBack, runId, testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const catalog = loadCatalog();
const run = runId();
const KINDS = ['windows', 'replication'] as const;
const CLASS: Record<AgreementKind, string> = {
  windows: 'nsDSWindowsReplicationAgreement',
  replication: 'nsds5ReplicationAgreement',
};
const AGREEMENT_ATTRIBUTES = catalog.attributesOf('agreement');

let client: Client;
let port: number;
const targets: Partial<Record<AgreementKind, string>> = {};

const parentDn = () => live.agreementDn.slice(live.agreementDn.indexOf(',') + 1);

/** A complete, disabled agreement of the kind, pointing at a loopback port where nothing listens. */
function agreement(kind: AgreementKind, cn: string, extra: Record<string, string> = {}): Attribute[] {
  const values: Record<string, string> = {
    objectClass: CLASS[kind],
    cn,
    nsDS5ReplicaRoot: live.suffix,
    nsDS5ReplicaHost: '127.0.0.1',
    nsDS5ReplicaPort: String(port),
    nsDS5ReplicaBindDN: 'cn=sync,cn=Users,dc=ad,dc=example,dc=com',
    nsDS5ReplicaCredentials: 'Probe-secret-1',
    nsds5ReplicaEnabled: 'off',
    ...extra,
  };
  return Object.entries(values).map(([type, value]) => new Attribute({ type, values: [value] }));
}

async function codeOf(operation: Promise<unknown>): Promise<number> {
  try {
    await operation;
    return 0;
  } catch (error) {
    const code = resultCodeOf(error);
    if (code === undefined) throw error;
    return code;
  }
}

const replace = (type: string, value: string) =>
  new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });

/** The code of a catalog reaction: the refusal's code, or 0 for anything the server takes. */
const expected = (reaction: AttributeSpec['onBadValue']['add']) => (reaction.kind === 'rejects' ? reaction.code : 0);

/** A value the kind that takes the attribute would accept: its default, or its first allowed value. */
function goodValue(spec: AttributeSpec): string | undefined {
  if (spec.default !== undefined) return spec.default;
  if (spec.syntax.kind === 'enum') return spec.syntax.values[0].value;
  if (spec.syntax.kind === 'boolean') return 'on';
  if (spec.syntax.kind === 'integer') return String(Math.max(spec.syntax.min, 1));
  if (spec.syntax.kind === 'dn') return `ou=People,${live.suffix}`;
  // A value the shared modify handler reads must be good, or its own refusal comes before the schema's 65.
  if (spec.syntax.kind === 'fractional-list') return '(objectclass=*) $ EXCLUDE memberOf';
  return undefined;
}

function ds389(step: 'start' | 'wait' | 'stop'): void {
  const result = spawnSync('bash', [join(__dirname, '../../scripts/ds389.sh'), step], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  assert.equal(result.status, 0, `ds389.sh ${step}: ${result.stderr}`);
}

before(async () => {
  if (skip) return;
  port = await closedPort();
  client = await adminClient(live);
  for (const kind of KINDS) {
    const cn = `${run}-reactions-${kind}`;
    targets[kind] = `cn=${cn},${parentDn()}`;
    await client.add(targets[kind], agreement(kind, cn));
  }
});

after(async () => {
  if (skip) return;
  await client.unbind();
  // The host was changed on these agreements: only a restart makes deleting them safe.
  ds389('stop');
  ds389('start');
  ds389('wait');
  client = await adminClient(live);
  try {
    for (const dn of Object.values(targets)) await client.del(dn);
  } finally {
    await client.unbind();
  }
});

test(
  'a changed nsDS5ReplicaHost is accepted and stored as written, as the catalog says, on both kinds',
  { skip },
  async () => {
    const host = catalog.attribute('nsDS5ReplicaHost');
    assert.ok(host);
    for (const kind of KINDS) {
      const dn = targets[kind] ?? '';
      assert.equal(
        await codeOf(client.modify(dn, replace(host.name, 'bad host name!'))),
        expected(host.onBadValue.modify),
      );
      assert.deepEqual((await readBack(client, dn, [host.name]))?.[host.name.toLowerCase()], ['bad host name!']);
    }
  },
);

test(
  'status attributes: dropped from an add and from a modify with other changes, 53 alone, as the catalog notes say',
  { skip },
  async () => {
    const status = AGREEMENT_ATTRIBUTES.filter((spec) => spec.serverManaged && spec.group === 'Status');
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const spec of status.filter((candidate) => candidate.onBadValue.add.kind === 'ignores')) {
      for (const kind of KINDS) {
        if (spec.onlyFor && spec.onlyFor !== kind) continue;
        const cn = `${run}-status-${spec.name}-${kind}`;
        const dn = `cn=${cn},${parentDn()}`;
        seen.push(
          `${spec.name} ${kind} add ${await codeOf(client.add(dn, agreement(kind, cn, { [spec.name]: 'x' })))}`,
        );
        wanted.push(`${spec.name} ${kind} add 0`);
        const stored = (await readBack(client, dn, [spec.name]))?.[spec.name.toLowerCase()] ?? [];
        assert.ok(!stored.map(String).includes('x'), `${spec.name}: the written value is dropped`);
        await client.del(dn);
        const target = targets[kind] ?? '';
        const withOther = await codeOf(
          client.modify(target, [replace('description', `status ${spec.name}`), replace(spec.name, 'x')]),
        );
        seen.push(
          `${spec.name} ${kind} modify with description ${withOther}`,
          `${spec.name} ${kind} modify alone ${await codeOf(client.modify(target, replace(spec.name, 'x')))}`,
        );
        wanted.push(`${spec.name} ${kind} modify with description 0`, `${spec.name} ${kind} modify alone 53`);
        assert.match(spec.onBadValue.modify.note, /silently drops it.*nothing else fails with 53/);
      }
    }
    assert.ok(seen.length >= 30, seen.join('\n'));
    assert.deepEqual(seen, wanted);
  },
);

test(
  'what each kind may not carry: 65 on add, and on modify 53 from a 389-DS agreement, 65 from a Windows one',
  { skip },
  async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const spec of AGREEMENT_ATTRIBUTES.filter((candidate) => candidate.onlyFor !== undefined)) {
      const value = goodValue(spec) ?? 'x';
      for (const kind of KINDS.filter((candidate) => candidate !== spec.onlyFor)) {
        const cn = `${run}-foreign-${spec.name}-${kind}`;
        const dn = `cn=${cn},${parentDn()}`;
        const added = await codeOf(client.add(dn, agreement(kind, cn, { [spec.name]: value })));
        if (added === 0) await client.del(dn);
        const modified = await codeOf(client.modify(targets[kind] ?? '', replace(spec.name, value)));
        seen.push(`${spec.name} on ${kind}: add ${added}, modify ${modified}`);
        wanted.push(`${spec.name} on ${kind}: add 65, modify ${kind === 'replication' ? 53 : 65}`);
      }
    }
    assert.ok(seen.length >= 20, seen.join('\n'));
    assert.deepEqual(seen, wanted);
  },
);

test(
  'every integer agreement setting refuses a leading zero with 21 (Invalid syntax), on both kinds',
  { skip },
  async () => {
    const seen: string[] = [];
    for (const spec of AGREEMENT_ATTRIBUTES.filter((candidate) => candidate.syntax.kind === 'integer')) {
      const min = spec.syntax.kind === 'integer' ? spec.syntax.min : 0;
      const value = `0${Math.max(min, 1) + 388}`;
      for (const kind of KINDS.filter((candidate) => !spec.onlyFor || spec.onlyFor === candidate)) {
        seen.push(
          `${spec.name} ${kind} ${value}: ${await codeOf(client.modify(targets[kind] ?? '', replace(spec.name, value)))}`,
        );
      }
    }
    assert.ok(seen.length >= 10, seen.join('\n'));
    assert.deepEqual(
      seen,
      seen.map((line) => line.replace(/: \d+$/, ': 21')),
    );
  },
);
