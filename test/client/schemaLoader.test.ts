import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionSettings } from '../../server/src/apply/connection';
import type { FetchedSchema } from '../../server/src/apply/schemaFetch';
import { Secret } from '../../server/src/apply/secret';
import type { SchemaPayload, SetSchemaResult } from '../../server/src/engine/schema/protocol';
import { age, cacheKey, SchemaLoader, statusText, type CachedSchema } from '../../client/src/schema/loader';
import type { ConnectionProfile } from '../../client/src/apply/profileSettings';
import { DEFINITIONS } from '../engine/schema/fixture';

const profile: ConnectionProfile = {
  name: 'prod',
  url: 'ldaps://ds.example.com:636',
  bindDn: 'cn=Directory Manager',
  startTls: false,
  verifyTls: true,
  confirm: false,
};
const SERVER = { vendorVersion: '389-Directory/2.3.1 B2025.016.1616' };

function fetched(fingerprint: string): FetchedSchema {
  return {
    definitions: DEFINITIONS,
    server: SERVER,
    subschemaSubentry: 'cn=schema',
    fingerprint,
    fetchedAt: '2026-12-05T10:00:00.000Z',
  };
}

interface Harness {
  loader: SchemaLoader;
  sent: (SchemaPayload | null)[];
  settings: ConnectionSettings[];
  cache: Map<string, CachedSchema>;
  writes: number;
  log: string[];
}

function harness(
  options: {
    password?: string;
    cached?: CachedSchema;
    fetch?: (settings: ConnectionSettings) => Promise<FetchedSchema>;
  } = {},
): Harness {
  const state: Harness = {
    loader: undefined as unknown as SchemaLoader,
    sent: [],
    settings: [],
    cache: new Map(),
    writes: 0,
    log: [],
  };
  if (options.cached) state.cache.set(cacheKey(profile), options.cached);
  state.loader = new SchemaLoader({
    passwords: { get: async () => (options.password ? new Secret(options.password) : undefined) },
    cache: {
      read: async (key) => state.cache.get(key),
      write: async (key, schema) => {
        state.writes++;
        state.cache.set(key, schema);
      },
    },
    fetch: async (settings) => {
      state.settings.push(settings);
      return (options.fetch ?? (async () => fetched('new')))(settings);
    },
    send: async (schema): Promise<SetSchemaResult> => {
      state.sent.push(schema);
      return {
        fingerprint: schema ? 'f' : null,
        attributeTypes: schema ? schema.definitions.attributeTypes.length : 0,
        objectClasses: schema ? schema.definitions.objectClasses.length : 0,
        problems: [],
        parseMs: 1,
      };
    },
    log: {
      info: (line) => state.log.push(line),
      warn: (line) => state.log.push(line),
      error: (line) => state.log.push(line),
    },
  });
  return state;
}

const cached: CachedSchema = {
  label: 'prod',
  fetchedAt: '2026-12-01T10:00:00.000Z',
  fingerprint: 'old',
  server: SERVER,
  definitions: DEFINITIONS,
};

describe('loading the schema for a profile', () => {
  test('with a stored password: a bound read, cached, sent as live', async () => {
    const run = harness({ password: 'Stored-Pw-1' });
    const state = await run.loader.load(profile, { live: true });
    assert.equal(state?.kind, 'live');
    assert.equal(run.settings[0].anonymous, false);
    assert.equal(run.settings[0].password?.reveal(), 'Stored-Pw-1');
    assert.equal(run.sent.length, 1);
    assert.equal(run.sent[0]?.source, 'live');
    assert.equal(run.writes, 1);
    assert.ok(!run.log.join('\n').includes('Stored-Pw-1'));
  });

  test('without a stored password: read anonymously, never a prompt', async () => {
    const run = harness();
    const state = await run.loader.load(profile, { live: true });
    assert.equal(state?.kind, 'live');
    assert.equal(run.settings[0].anonymous, true);
    assert.match(run.log.join('\n'), /anonymously \(no stored password; none is asked for just to read the schema\)/);
  });

  test('the cached copy goes first; an unchanged read (same fingerprint) is not written again', async () => {
    const run = harness({ cached: { ...cached, fingerprint: 'same' }, fetch: async () => fetched('same') });
    const state = await run.loader.load(profile, { live: true });
    assert.deepEqual(
      run.sent.map((payload) => payload?.source),
      ['cache', 'live'],
    );
    assert.equal(run.writes, 0);
    assert.equal(state?.kind, 'live');
  });

  test('the server unreachable: the cache stays in use and the status says why', async () => {
    const run = harness({
      cached,
      fetch: async () => Promise.reject(new Error('ds.example.com:636 refused the connection.')),
    });
    const state = await run.loader.load(profile, { live: true });
    assert.equal(state?.kind, 'cache');
    assert.equal(state?.kind === 'cache' && state.liveError, 'ds.example.com:636 refused the connection.');
    assert.deepEqual(
      run.sent.map((payload) => payload?.source),
      ['cache'],
    );
    const status = statusText(state!, new Date('2026-12-04T10:00:00.000Z'));
    assert.equal(status.text, '$(symbol-class) schema: cached 3 d ago');
    assert.equal(status.warning, true);
    assert.match(status.tooltip, /Reading it again failed: ds\.example\.com:636 refused the connection\./);
  });

  test('no cache and no server: the language server drops any schema', async () => {
    const run = harness({ fetch: async () => Promise.reject(new Error('anonymous reads refused')) });
    const state = await run.loader.load(profile, { live: true });
    assert.equal(state?.kind, 'unavailable');
    assert.deepEqual(run.sent, [null]);
  });

  test('no profile: the schema is dropped; cached only: no connection at all', async () => {
    const none = harness();
    assert.equal((await none.loader.load(undefined, { live: true }))?.kind, 'none');
    assert.deepEqual(none.sent, [null]);
    const offline = harness({ cached });
    assert.equal((await offline.loader.load(profile, { live: false }))?.kind, 'cache');
    assert.deepEqual(offline.settings, []);
  });

  test('a newer load wins over an older, slower one', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const run = harness({ fetch: async () => (++calls === 1 ? slow.then(() => fetched('first')) : fetched('second')) });
    const first = run.loader.load(profile, { live: true });
    const second = await run.loader.load(profile, { live: true });
    release();
    assert.equal(await first, undefined);
    assert.equal(second?.kind, 'live');
    assert.equal(run.sent.length, 1);
  });
});

describe('status bar words', () => {
  test('live with the server version, cached with its age', () => {
    const result: SetSchemaResult = {
      fingerprint: 'abcdef0123456789',
      attributeTypes: 1015,
      objectClasses: 200,
      problems: [],
      parseMs: 20,
    };
    const live = statusText(
      { kind: 'live', profile, fetchedAt: '2026-12-05T10:00:00.000Z', server: SERVER, result },
      new Date('2026-12-05T10:05:00.000Z'),
    );
    assert.equal(live.text, '$(symbol-class) schema: live · 389-DS 2.3.1');
    assert.match(live.tooltip, /1015 attribute types, 200 object classes \(389-Directory\/2\.3\.1 B2025\.016\.1616\)/);
    assert.match(live.tooltip, /Read from the server 5 min ago/);
    assert.equal(age('2026-12-05T10:00:00.000Z', new Date('2026-12-05T10:00:30.000Z')), 'just now');
    assert.equal(age('2026-12-05T10:00:00.000Z', new Date('2026-12-05T15:00:00.000Z')), '5 h ago');
  });
  test('cache keys differ per profile and never hold the URL as text', () => {
    assert.notEqual(cacheKey(profile), cacheKey({ ...profile, name: 'test' }));
    assert.match(cacheKey(profile), /^[0-9a-f]{32}$/);
  });
});
