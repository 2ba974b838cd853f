import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidCredentialsError, InsufficientAccessError, type Client } from 'ldapts';
import { agreementAction, loadAgreements, type AgreementsDeps } from '../../client/src/agreements/session';
import type { ConnectionProfile } from '../../client/src/apply/profileSettings';
import type { LdapSession } from '../../server/src/apply/connection';
import { ApplyError, explainConnectError } from '../../server/src/apply/errors';
import { Secret } from '../../server/src/apply/secret';

const PASSWORD = 'View-Pw-4Rt!';
const profile: ConnectionProfile = {
  name: 'lab',
  url: 'ldaps://localhost:63914',
  bindDn: 'cn=Directory Manager',
  startTls: false,
  verifyTls: true,
  confirm: false,
};
const AGREEMENT = 'cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

interface Fake {
  deps: AgreementsDeps;
  lines: string[];
  asked: number;
  opened: number;
  closed: number;
  modified: string[];
  stored: Map<string, Secret>;
}

function fake(
  options: { search?: Client['search']; modify?: Client['modify']; open?: AgreementsDeps['open'] } = {},
): Fake {
  const state: Fake = {
    lines: [],
    asked: 0,
    opened: 0,
    closed: 0,
    modified: [],
    stored: new Map(),
    deps: undefined as unknown as AgreementsDeps,
  };
  const client = {
    search:
      options.search ??
      (async () => ({
        searchEntries: [
          {
            dn: AGREEMENT,
            objectClass: ['top', 'nsDSWindowsReplicationAgreement'],
            cn: 'ad-sync',
            nsds5replicaLastUpdateStatus: 'Error (0) Replica acquired successfully: Incremental update succeeded',
          },
        ],
        searchReferences: [],
      })),
    modify:
      options.modify ??
      (async (dn: string, changes: { modification: { type: string; values: Buffer[] } }[]) => {
        state.modified.push(
          `${dn} ${changes.map((change) => `${change.modification.type}=${change.modification.values.join(',')}`).join(' ')}`,
        );
      }),
  } as unknown as Client;
  const session: LdapSession = {
    client,
    endpoint: {
      scheme: 'ldaps',
      host: 'localhost',
      port: 63914,
      address: 'localhost:63914',
      url: 'ldaps://localhost:63914',
    },
    operationTimeoutMs: 1000,
    identity: 'cn=Directory Manager',
    isBound: () => true,
    abort: () => undefined,
    close: async () => void state.closed++,
  };
  state.deps = {
    passwords: {
      get: async (p) => state.stored.get(p.name),
      store: async (p, password) => void state.stored.set(p.name, password),
      forget: async (p) => void state.stored.delete(p.name),
    },
    askPassword: async () => {
      state.asked++;
      return new Secret(PASSWORD);
    },
    log: {
      info: (line) => state.lines.push(`info ${line}`),
      warn: (line) => state.lines.push(`warn ${line}`),
      error: (line) => state.lines.push(`error ${line}`),
    },
    open:
      options.open ??
      (async (settings) => {
        state.opened++;
        assert.equal(settings.password?.reveal(), PASSWORD);
        return session;
      }),
  };
  return state;
}

test('a background refresh never prompts: without a stored password it says how to give one', async () => {
  const state = fake();
  const outcome = await loadAgreements(profile, false, state.deps);
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.reason, 'no-password');
  assert.match(!outcome.ok ? outcome.message : '', /Click Refresh/);
  assert.equal(state.asked, 0);
  assert.equal(state.opened, 0);
});

test('a refresh the user asked for prompts once, keeps the accepted password, reads and decodes, and closes the session', async () => {
  const state = fake();
  const first = await loadAgreements(profile, true, state.deps);
  assert.ok(first.ok);
  assert.equal(first.value[0].kind, 'windows');
  assert.equal(first.value[0].update.severity, 'ok');
  assert.equal(state.stored.get('lab')?.reveal(), PASSWORD);
  const second = await loadAgreements(profile, false, state.deps);
  assert.ok(second.ok, 'the background refresh uses the stored password');
  assert.deepEqual([state.asked, state.opened, state.closed], [1, 2, 2]);
});

test('a stored password the server refuses is forgotten, with the fix', async () => {
  const endpoint = {
    scheme: 'ldaps' as const,
    host: 'localhost',
    port: 63914,
    address: 'localhost:63914',
    url: 'ldaps://localhost:63914',
  };
  const refused = explainConnectError(
    new InvalidCredentialsError('Invalid credentials'),
    {
      endpoint,
      phase: 'bind',
      bindDn: profile.bindDn,
      usesTls: true,
      hasCaFile: false,
      timeouts: { connectTimeoutMs: 1, operationTimeoutMs: 1 },
    },
    [],
  );
  const state = fake({ open: async () => Promise.reject(new ApplyError(refused)) });
  state.stored.set('lab', new Secret('stale'));
  const outcome = await loadAgreements(profile, false, state.deps);
  assert.equal(outcome.ok, false);
  assert.match(
    !outcome.ok ? outcome.message : '',
    /49 Invalid credentials.*stored password was refused and is now forgotten/,
  );
  assert.equal(state.stored.has('lab'), false);
});

test('an account that may not read cn=config gets the fix, not a stack', async () => {
  const state = fake({ search: async () => Promise.reject(new InsufficientAccessError('Insufficient access')) });
  state.stored.set('lab', new Secret(PASSWORD));
  const outcome = await loadAgreements(profile, false, state.deps);
  assert.match(
    !outcome.ok ? outcome.message : '',
    /Cannot read cn=mapping tree,cn=config as cn=Directory Manager \(50: Insufficient access\)\. Fix: /,
  );
  assert.equal(state.closed, 1, 'the session is closed after a failure too');
});

test('send updates now writes nsds5ReplicaEnabled off then on; disable writes off; each names the agreement', async () => {
  const state = fake();
  state.stored.set('lab', new Secret(PASSWORD));
  const sent = await agreementAction(profile, AGREEMENT, 'ad-sync', 'send-updates-now', state.deps);
  assert.deepEqual(sent, { ok: true, message: 'Send updates now: sent to "ad-sync" on ldaps://localhost:63914.' });
  const disabled = await agreementAction(profile, AGREEMENT, 'ad-sync', 'disable', state.deps);
  assert.equal(disabled.ok, true);
  const total = await agreementAction(profile, AGREEMENT, 'ad-sync', 'total-update', state.deps);
  assert.equal(total.ok, true);
  assert.deepEqual(state.modified, [
    `${AGREEMENT} nsds5ReplicaEnabled=off`,
    `${AGREEMENT} nsds5ReplicaEnabled=on`,
    `${AGREEMENT} nsds5ReplicaEnabled=off`,
    `${AGREEMENT} nsds5BeginReplicaRefresh=start`,
  ]);
});

test('a refused action is explained and nothing is claimed', async () => {
  const state = fake({
    modify: async () =>
      Promise.reject(
        new InsufficientAccessError("Insufficient 'write' privilege to the 'nsds5ReplicaEnabled' attribute"),
      ),
  });
  state.stored.set('lab', new Secret(PASSWORD));
  const outcome = await agreementAction(profile, AGREEMENT, 'ad-sync', 'enable', state.deps);
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /^Enable on "ad-sync" was refused: .*50.*Fix: /);
  assert.ok(state.lines.some((line) => line.startsWith('warn Sync Agreements: Enable on "ad-sync" was refused')));
});
