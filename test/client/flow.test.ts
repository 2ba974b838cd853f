import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidCredentialsError, NoSuchObjectError, type Client } from 'ldapts';
import { runFlow, type FlowDeps, type FlowRequest, type FlowUi, type PasswordStore } from '../../client/src/apply/flow';
import type { ConnectionProfile } from '../../client/src/apply/profileSettings';
import type { LdapSession } from '../../server/src/apply/connection';
import { advice, ApplyError, explainConnectError, formatExplanation } from '../../server/src/apply/errors';
import { renderRemedy } from '../../client/src/apply/remedies';
import { Secret } from '../../server/src/apply/secret';
import { loadCatalog } from '../../server/src/engine/catalog';

const PASSWORD = 'Bind-Pw-7Qz!';
const USER_PASSWORD = 'User-Pw-3Xk!';
const catalog = loadCatalog();
const profile: ConnectionProfile = {
  name: 'test',
  url: 'ldap://127.0.0.1:9',
  bindDn: 'cn=Directory Manager',
  startTls: false,
  verifyTls: true,
  confirm: false,
};

const MODIFY = (name: string, value = 'hello') =>
  `dn: uid=${name},ou=People,dc=example,dc=com\nchangetype: modify\nreplace: description\ndescription: ${value}\n-\n`;
const THREE = [MODIFY('a'), MODIFY('b'), MODIFY('c')].join('\n');

interface Fake {
  deps: FlowDeps;
  lines: string[];
  asked: number;
  opened: number;
  sent: string[];
  stored: Map<string, Secret>;
}

/** A flow with recording fakes: a password store, prompts, a log, and a session whose client records what it is sent. */
function fake(
  options: {
    ui?: Partial<FlowUi>;
    open?: FlowDeps['open'];
    client?: Partial<Record<'add' | 'modify' | 'del' | 'search', (...args: unknown[]) => Promise<unknown>>>;
  } = {},
): Fake {
  const state: Fake = {
    lines: [],
    asked: 0,
    opened: 0,
    sent: [],
    stored: new Map(),
    deps: undefined as unknown as FlowDeps,
  };
  const passwords: PasswordStore = {
    get: async (p) => state.stored.get(p.name),
    store: async (p, password) => void state.stored.set(p.name, password),
    forget: async (p) => void state.stored.delete(p.name),
  };
  const client = {
    add: async (dn: string) => void state.sent.push(`add ${dn}`),
    del: async (dn: string) => void state.sent.push(`delete ${dn}`),
    modify: async (dn: string) => void state.sent.push(`modify ${dn}`),
    search: async () => ({ searchEntries: [], searchReferences: [] }),
    ...options.client,
  } as unknown as Client;
  const session: LdapSession = {
    client,
    endpoint: { scheme: 'ldap', host: '127.0.0.1', port: 9, address: '127.0.0.1:9', url: 'ldap://127.0.0.1:9' },
    operationTimeoutMs: 1000,
    identity: 'cn=Directory Manager',
    isBound: () => true,
    abort: () => undefined,
    close: async () => undefined,
  };
  state.deps = {
    catalog,
    passwords,
    log: {
      info: (line) => state.lines.push(`info ${line}`),
      warn: (line) => state.lines.push(`warn ${line}`),
      error: (line) => state.lines.push(`error ${line}`),
    },
    ui: {
      applyDespite: async () => false,
      confirm: async () => false,
      askPassword: async () => {
        state.asked++;
        return new Secret(PASSWORD);
      },
      warn: (message) => state.lines.push(`ui-warn ${message}`),
      ...options.ui,
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

const request = (text: string, extra: Partial<FlowRequest> = {}): FlowRequest => ({
  mode: 'apply',
  input: { file: 'in.ldif', path: undefined, text },
  profile,
  ...extra,
});

test('the password is asked once with the prompt, kept after the bind succeeded, then taken from storage', async () => {
  const state = fake();
  const first = await runFlow(request(MODIFY('a')), state.deps);
  assert.equal(first.kind, 'applied');
  assert.equal(first.kind === 'applied' && first.passwordFrom, 'prompt');
  assert.equal(state.stored.get('test')?.reveal(), PASSWORD);
  const second = await runFlow(request(MODIFY('a')), state.deps);
  assert.equal(second.kind === 'applied' && second.passwordFrom, 'storage');
  assert.equal(state.asked, 1);
  assert.deepEqual(state.sent, [
    'modify uid=a,ou=People,dc=example,dc=com',
    'modify uid=a,ou=People,dc=example,dc=com',
  ]);
});

test('a dismissed prompt sends nothing', async () => {
  const state = fake({ ui: { askPassword: async () => undefined } });
  const outcome = await runFlow(request(MODIFY('a')), state.deps);
  assert.equal(outcome.kind === 'refused' && outcome.reason, 'no-password');
  assert.equal(state.opened, 0);
});

test('a stored password the server refuses (49) is forgotten, and the fix says the next run asks again', async () => {
  const endpoint = { scheme: 'ldap' as const, host: 'h', port: 389, address: 'h:389', url: 'ldap://h:389' };
  const refused = explainConnectError(
    new InvalidCredentialsError('Invalid credentials'),
    {
      endpoint,
      phase: 'bind',
      bindDn: profile.bindDn,
      usesTls: false,
      hasCaFile: false,
      timeouts: { connectTimeoutMs: 1, operationTimeoutMs: 1 },
    },
    [],
  );
  const state = fake({ open: async () => Promise.reject(new ApplyError(refused)) });
  state.stored.set('test', new Secret('stale'));
  const outcome = await runFlow(request(MODIFY('a')), state.deps);
  assert.equal(outcome.kind, 'failed');
  assert.match(
    outcome.message,
    /refused the bind as "cn=Directory Manager": 49 Invalid credentials.* Fix: Check "bindDn" of profile "test" .*the stored password was refused and is now forgotten, so the next run asks for it again\.$/,
  );
  assert.equal(state.stored.has('test'), false);
  assert.equal(state.asked, 0);
});

test('a typed password is not stored when the server could not be reached; the failure is one line with the fix', async () => {
  const state = fake({
    open: async () =>
      Promise.reject(
        new ApplyError({
          kind: 'connection',
          cause: 'Connection refused by 127.0.0.1:9: nothing listens on that port.',
          remedy: advice('Check the port.'),
        }),
      ),
  });
  const outcome = await runFlow(request(MODIFY('a')), state.deps);
  assert.equal(
    outcome.message,
    'Connection refused by 127.0.0.1:9: nothing listens on that port. Fix: Check the port.',
  );
  assert.equal(state.stored.size, 0);
});

test('validation errors stop the apply unless the user chooses "Apply anyway"; a dry run goes on', async () => {
  const broken = `${MODIFY('a')}\ndn: cn=x\nchangetype: modifx\n`;
  const refused = fake();
  const outcome = await runFlow(request(broken), refused.deps);
  assert.equal(outcome.kind === 'refused' && outcome.reason, 'validation');
  assert.match(
    outcome.message,
    /^1 validation error in in\.ldif: nothing was sent\. Fix them \(see Problems\), or choose "Apply anyway"\.$/,
  );
  assert.equal(refused.opened + refused.asked, 0);
  assert.ok(
    refused.lines.some((line) => /^warn in\.ldif:8:\d+: error ldif\/unknown-changetype/.test(line)),
    refused.lines.join('\n'),
  );

  const forced = fake({ ui: { applyDespite: async (problems) => problems.length === 1 } });
  const applied = await runFlow(request(broken, { continueOnError: true }), forced.deps);
  assert.equal(applied.kind, 'applied');
  assert.deepEqual(applied.kind === 'applied' && applied.report.results.map((result) => result.status), [
    'applied',
    'failed',
  ]);

  const dry = fake();
  assert.equal((await runFlow(request(broken, { mode: 'dry-run' }), dry.deps)).kind, 'dry-run');
});

test('only the selected records are sent, and only their validation errors block', async () => {
  const text = `${MODIFY('a')}\ndn: cn=x\nchangetype: modifx\n\n${MODIFY('c')}`;
  const state = fake();
  const outcome = await runFlow(request(text, { records: [2] }), state.deps);
  assert.equal(outcome.kind, 'applied');
  assert.deepEqual(state.sent, ['modify uid=c,ou=People,dc=example,dc=com']);
});

test('a profile marked confirm asks first, and "no" sends nothing', async () => {
  const asked: string[] = [];
  const state = fake({
    ui: {
      confirm: async (question) => (
        asked.push(
          `${question.profile.name} ${question.records} ${question.label} ${question.address} ${question.because}`,
        ),
        false
      ),
    },
  });
  const outcome = await runFlow(request(THREE, { profile: { ...profile, confirm: true } }), state.deps);
  assert.equal(outcome.kind === 'refused' && outcome.reason, 'not-confirmed');
  assert.deepEqual(asked, ['test 3 in.ldif 127.0.0.1:9 profile']);
  assert.equal(state.opened + state.asked, 0);
  assert.equal(
    (await runFlow(request(THREE, { mode: 'dry-run', profile: { ...profile, confirm: true } }), state.deps)).kind,
    'dry-run',
    'a dry run writes nothing: no question',
  );
});

test('cancelling stops after the current record; the outcome says what landed and what was not attempted', async () => {
  const controller = new AbortController();
  const state = fake({
    client: {
      modify: async (dn) => {
        state.sent.push(String(dn));
        controller.abort();
      },
    },
  });
  const outcome = await runFlow(request(THREE, { signal: controller.signal }), state.deps);
  assert.equal(outcome.kind, 'applied');
  assert.equal(outcome.kind === 'applied' && outcome.report.stopReason, 'cancelled');
  assert.deepEqual(outcome.kind === 'applied' && outcome.report.counts, {
    applied: 1,
    failed: 0,
    unconfirmed: 0,
    'not-attempted': 2,
  });
  assert.equal(outcome.message, '1 applied, 2 not-attempted on 127.0.0.1:9 (cancelled)');
  assert.equal(state.sent.length, 1);
});

test('a server error is a one-line cause and fix in editor words; after a failure the rest are not attempted', async () => {
  const state = fake({ client: { modify: async () => Promise.reject(new NoSuchObjectError('No such entry')) } });
  const outcome = await runFlow(request(THREE), state.deps);
  assert.equal(outcome.kind, 'applied');
  if (outcome.kind !== 'applied') return;
  const [failed, ...rest] = outcome.report.results;
  assert.equal(failed.status, 'failed');
  assert.match(
    formatExplanation({ cause: failed.cause ?? '', remedy: failed.remedy ?? advice('') }, renderRemedy),
    /^32 No such object \("No such entry"\): .* Fix: .+\.$/,
  );
  assert.deepEqual(
    rest.map((result) => result.status),
    ['not-attempted', 'not-attempted'],
  );
  assert.match(outcome.message, /The winsyncLdif\.continueOnError setting goes on past failures/);
});

test('no log line or message shows the bind password or a userPassword value, even when the server echoes them', async () => {
  const text = `dn: uid=a,ou=People,dc=example,dc=com\nchangetype: modify\nreplace: userPassword\nuserPassword: ${USER_PASSWORD}\n-\n`;
  const state = fake({
    client: { modify: async () => Promise.reject(new NoSuchObjectError(`bad ${USER_PASSWORD} and ${PASSWORD}`)) },
  });
  const outcome = await runFlow(request(text), state.deps);
  const everything = [...state.lines, outcome.message, JSON.stringify(outcome)].join('\n');
  assert.match(everything, /\[withheld\]/);
  assert.doesNotMatch(everything, new RegExp(`${PASSWORD}|${USER_PASSWORD}`));
});

test('a dry run logs each record with its attribute before → after, and writes nothing', async () => {
  const state = fake({
    client: {
      search: async () => ({
        searchEntries: [{ dn: 'uid=a,ou=People,dc=example,dc=com', objectClass: ['top'], description: 'old' }],
        searchReferences: [],
      }),
    },
  });
  const outcome = await runFlow(request(MODIFY('a', 'new'), { mode: 'dry-run' }), state.deps);
  assert.equal(outcome.kind, 'dry-run');
  assert.ok(state.lines.includes('info     description: old → new'), state.lines.join('\n'));
  assert.match(outcome.message, /^dry run against 127\.0\.0\.1:9, nothing written: 1 would apply, 0 would fail$/);
  assert.deepEqual(state.sent, []);
});

test('TLS verification off is a visible warning on every run, in profile words, before connecting', async () => {
  const state = fake();
  const insecure = { ...profile, url: 'ldaps://h:636', verifyTls: false };
  await runFlow(request(MODIFY('a'), { profile: insecure }), state.deps);
  await runFlow(request(MODIFY('a'), { profile: insecure }), state.deps);
  const warnings = state.lines.filter((line) => line.startsWith('ui-warn'));
  assert.equal(warnings.length, 2);
  for (const warning of warnings) {
    assert.match(
      warning,
      /^ui-warn WARNING: TLS certificate verification is OFF for h:636: .* Set "caFile" in the connection profile instead\.$/,
    );
  }
});

test('a clear-text bind to another host is warned about before the password is sent', async () => {
  const state = fake();
  await runFlow(request(MODIFY('a'), { profile: { ...profile, url: 'ldap://ipa.example.com' } }), state.deps);
  const [warning] = state.lines.filter((line) => line.startsWith('ui-warn'));
  assert.match(
    warning,
    /plain LDAP: the password of cn=Directory Manager crosses the network to ipa\.example\.com:389 unencrypted/,
  );
});

test('an agreement deleted after its host changed is refused before anything is asked or sent, whatever the user would answer; a dry run warns and goes on', async () => {
  const agreement = 'cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
  const text = [
    MODIFY('a'),
    `dn: ${agreement}\nchangetype: modify\nreplace: nsDS5ReplicaHost\nnsDS5ReplicaHost: dc2.ad.example.com\n-\n`,
    `dn: ${agreement}\nchangetype: delete\n`,
  ].join('\n');
  const refused = fake({ ui: { applyDespite: async () => true, confirm: async () => true } });
  const outcome = await runFlow(request(text), refused.deps);
  assert.equal(outcome.kind === 'refused' && outcome.reason, 'agreement-hazard');
  assert.match(
    outcome.message,
    /^in\.ldif deletes an agreement after changing its host, which crashes 389-DS: nothing was sent\./,
  );
  assert.equal(refused.opened + refused.asked, 0);
  assert.deepEqual(refused.sent, []);
  assert.ok(
    refused.lines.some((line) =>
      /^error in\.ldif:13 deletes the agreement .* after in\.ldif:7 changes its nsDS5ReplicaHost/.test(line),
    ),
    refused.lines.join('\n'),
  );

  const dry = fake();
  assert.equal((await runFlow(request(text, { mode: 'dry-run' }), dry.deps)).kind, 'dry-run');
  assert.ok(dry.lines.some((line) => /^warn in\.ldif deletes an agreement .*: the dry run goes on/.test(line)));
});
