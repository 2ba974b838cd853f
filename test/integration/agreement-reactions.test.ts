// What the real 389-DS does with a bad value of every agreement attribute the catalog knows, on
// add and on modify, for both kinds of agreement: the answer must be the catalog's reaction
// (`onBadValue`, `onBadValueOn` for the kind, or the kind's `foreignAttribute` for an attribute the
// kind may not carry), and a value the catalog says is stored as written must read back so.
// Data-driven: each attribute's `badValue` is written, so a new catalog attribute is covered
// without touching this file.
//
// The agreements are disabled (nsds5ReplicaEnabled: off) and point at a loopback port where
// nothing listens. Changing nsDS5ReplicaHost on an agreement garbles it in memory until a restart,
// and deleting it before that restart crashes 389-DS 2.3.1 (issue 12 probe, A3): the modified
// agreements are deleted only after the server has been restarted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Attribute, Change, type Client } from 'ldapts';
import { loadCatalog, type AttributeSpec, type EntryKind, type Reaction } from '../../server/src/engine/catalog';
import { foreignReactionFor, reactionFor } from '../../server/src/engine/catalog/semantics';
import { adminClient, closedPort, readBack, runId, testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const catalog = loadCatalog();
const run = runId();

/** The two kinds of agreement the server knows, with the object class that makes each. */
const KINDS: readonly { readonly kind: EntryKind; readonly objectClass: string; readonly label: string }[] = [
  { kind: 'agreement', objectClass: 'nsDSWindowsReplicationAgreement', label: 'windows' },
  { kind: 'replication-agreement', objectClass: 'nsds5ReplicationAgreement', label: 'plain' },
];

/** Every catalog attribute of either kind of agreement: nsds5*, nsds7*, winSync* and the rest. */
const COVERED = catalog.attributes.filter((spec) => KINDS.some(({ kind }) => catalog.belongsTo(spec, kind)));

let client: Client;
let port: number;
/** The agreement of each kind that the modifies go to. */
const targets = new Map<EntryKind, string>();

function replicaDn(): string {
  return live.agreementDn.slice(live.agreementDn.indexOf(',') + 1);
}

/** A complete, disabled agreement of the kind, as the issue 12 probe wrote it, with `overrides`. */
function agreementAttributes(objectClass: string, cn: string, overrides: Record<string, string> = {}): Attribute[] {
  const values: Record<string, string> = {
    cn,
    nsDS5ReplicaRoot: live.suffix,
    nsDS5ReplicaHost: '127.0.0.1',
    nsDS5ReplicaPort: String(port),
    nsDS5ReplicaTransportInfo: 'LDAP',
    nsDS5ReplicaBindMethod: 'SIMPLE',
    nsDS5ReplicaBindDN: 'cn=sync,cn=Users,dc=ad,dc=example,dc=com',
    nsDS5ReplicaCredentials: 'Probe-secret-1',
    nsds5ReplicaEnabled: 'off',
  };
  for (const [name, value] of Object.entries(overrides)) {
    const known = Object.keys(values).find((key) => key.toLowerCase() === name.toLowerCase());
    if (known) delete values[known];
    values[name] = value;
  }
  return [
    new Attribute({ type: 'objectClass', values: ['top', objectClass] }),
    ...Object.entries(values).map(([type, value]) => new Attribute({ type, values: [value] })),
  ];
}

/** The LDAP result code of an operation: 0, or the code of the error the server answered. */
async function resultOf(operation: () => Promise<unknown>): Promise<number> {
  try {
    await operation();
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
}

/** What the catalog says the server does with the attribute's bad value on an agreement of this kind. */
function expectedReaction(spec: AttributeSpec, kind: EntryKind, operation: 'add' | 'modify'): Reaction {
  if (catalog.belongsTo(spec, kind)) return reactionFor(spec, operation, kind);
  const foreign = foreignReactionFor(spec, operation, catalog.entryKind(kind));
  assert.ok(foreign, `the catalog says nothing about foreign attributes on ${kind}`);
  return foreign;
}

function expectedCode(reaction: Reaction, what: string): number {
  if (reaction.kind !== 'rejects') return 0;
  assert.equal(typeof reaction.code, 'number', `${what}: a refusal in the catalog must name its result code`);
  return reaction.code as number;
}

/** Whether the value reads back as written: only for text the server keeps as is. */
function readsBackAsWritten(spec: AttributeSpec, reaction: Reaction): boolean {
  return reaction.kind === 'accepts' && spec.syntax.kind !== 'binary' && spec.syntax.kind !== 'dn';
}

async function storedValues(dn: string, name: string): Promise<string[]> {
  const entry = await readBack(client, dn, [name]);
  return (entry?.[name.toLowerCase()] ?? []).map(String);
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
  for (const { kind, objectClass, label } of KINDS) {
    const cn = `reactions-${label}-${run}`;
    const dn = `cn=${cn},${replicaDn()}`;
    await client.add(dn, agreementAttributes(objectClass, cn));
    targets.set(kind, dn);
  }
});

after(async () => {
  if (skip) return;
  await client.unbind();
  // Host changes garble the running agreement until a restart; deleting it before would crash the server.
  ds389('stop');
  ds389('start');
  ds389('wait');
  client = await adminClient(live);
  try {
    for (const dn of targets.values()) await client.del(dn);
  } finally {
    await client.unbind();
  }
});

test('every agreement attribute of the catalog names a bad value to write', () => {
  assert.ok(COVERED.length >= 50, `${COVERED.length} attributes`);
  for (const spec of COVERED) assert.equal(typeof spec.badValue, 'string', `${spec.name} has no badValue`);
});

for (const [index, spec] of COVERED.entries()) {
  test(
    `${spec.name}: ${JSON.stringify(spec.badValue)} on add and on modify, both kinds, as the catalog says`,
    { skip },
    async () => {
      const bad = spec.badValue ?? '';
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const { kind, objectClass, label } of KINDS) {
        // Add: a complete agreement carrying the bad value.
        const cn = `bad-${index}-${label}-${run}`;
        const dn = `cn=${cn},${replicaDn()}`;
        const onAdd = expectedReaction(spec, kind, 'add');
        const added = await resultOf(() => client.add(dn, agreementAttributes(objectClass, cn, { [spec.name]: bad })));
        if (added === 0) {
          if (readsBackAsWritten(spec, onAdd))
            assert.deepEqual(await storedValues(dn, spec.name), [bad], `${label} add`);
          await client.del(dn);
        }
        seen.push(`${label} add ${added}`);
        wanted.push(`${label} add ${expectedCode(onAdd, `${spec.name} ${label} add`)}`);

        // Modify: replace on the running agreement, then put the old values back.
        const target = targets.get(kind) as string;
        const before = await storedValues(target, spec.name);
        const onModify = expectedReaction(spec, kind, 'modify');
        const modified = await resultOf(() =>
          client.modify(
            target,
            new Change({ operation: 'replace', modification: new Attribute({ type: spec.name, values: [bad] }) }),
          ),
        );
        if (modified === 0) {
          if (readsBackAsWritten(spec, onModify))
            assert.deepEqual(await storedValues(target, spec.name), [bad], `${label} modify`);
          await client.modify(
            target,
            new Change({
              operation: before.length > 0 ? 'replace' : 'delete',
              modification: new Attribute({ type: spec.name, values: before }),
            }),
          );
        }
        seen.push(`${label} modify ${modified}`);
        wanted.push(`${label} modify ${expectedCode(onModify, `${spec.name} ${label} modify`)}`);
      }
      assert.deepEqual(seen, wanted, `${spec.name}: "${bad}" (result codes: 0 = accepted)`);
    },
  );
}

test(
  'every integer agreement attribute refuses a leading zero with 21 (Invalid syntax), as winsync/invalid-integer says',
  { skip },
  async () => {
    const integers = COVERED.filter((spec) => spec.syntax.kind === 'integer');
    assert.ok(integers.length >= 8, integers.map((spec) => spec.name).join(', '));
    const seen: string[] = [];
    for (const spec of integers) {
      const syntax = spec.syntax as { min: number };
      const value = `0${Math.max(syntax.min, 1) + 388}`;
      for (const { kind, label } of KINDS) {
        if (!catalog.belongsTo(spec, kind)) continue;
        const code = await resultOf(() =>
          client.modify(
            targets.get(kind) as string,
            new Change({ operation: 'replace', modification: new Attribute({ type: spec.name, values: [value] }) }),
          ),
        );
        seen.push(`${spec.name} ${label} ${value}: ${code}`);
      }
    }
    assert.deepEqual(
      seen,
      seen.map((line) => line.replace(/: \d+$/, ': 21')),
    );
  },
);
