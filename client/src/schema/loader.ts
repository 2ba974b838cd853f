/**
 * Which server schema the language server checks against, for the active connection profile:
 * the cached copy first (so diagnostics do not wait for the network), then a live read with
 * the password already in secret storage, or anonymously when there is none. It never asks
 * for a password just to load the schema. A read whose content is unchanged (same
 * fingerprint) is not written again. No vscode import: test/client/schemaLoader.test.ts
 * covers every branch.
 */
import { createHash } from 'node:crypto';
import type { ConnectionSettings } from '@apply/connection';
import type { FetchedSchema } from '@apply/schemaFetch';
import { Secret } from '@apply/secret';
import type { SchemaPayload, SetSchemaResult } from '@engine/schema/protocol';
import type { ServerIdentity, SubschemaDefinitions } from '@engine/schema/schema';
import type { FlowLog, PasswordStore } from '../apply/flow';
import { connectionSettings, describeProfile, type ConnectionProfile } from '../apply/profileSettings';

/** What the cache keeps of one read. */
export interface CachedSchema {
  readonly label: string;
  readonly fetchedAt: string;
  readonly fingerprint: string;
  readonly server: ServerIdentity;
  readonly definitions: SubschemaDefinitions;
}

export interface SchemaCache {
  read(key: string): Promise<CachedSchema | undefined>;
  write(key: string, schema: CachedSchema): Promise<void>;
}

export interface SchemaLoaderDeps {
  readonly passwords: Pick<PasswordStore, 'get'>;
  readonly cache: SchemaCache;
  /** Connects and reads the schema (openSession + fetchSchema); tests pass a fake. */
  readonly fetch: (settings: ConnectionSettings) => Promise<FetchedSchema>;
  /** Hands the schema to the language server (null drops it). */
  readonly send: (schema: SchemaPayload | null) => Promise<SetSchemaResult>;
  readonly log: FlowLog;
}

export type SchemaState =
  | { readonly kind: 'none'; readonly reason: string }
  | {
      readonly kind: 'live' | 'cache';
      readonly profile: ConnectionProfile;
      readonly fetchedAt: string;
      readonly server: ServerIdentity;
      readonly result: SetSchemaResult;
      readonly liveError?: string;
    }
  | { readonly kind: 'unavailable'; readonly profile: ConnectionProfile; readonly error: string };

/** The cache file key of a profile: its name and server, hashed (the file name must not carry the URL as is). */
export function cacheKey(profile: Pick<ConnectionProfile, 'name' | 'url'>): string {
  return createHash('sha256')
    .update(JSON.stringify([profile.name, profile.url.toLowerCase()]))
    .digest('hex')
    .slice(0, 32);
}

export class SchemaLoader {
  /** Each load gets a number; a slower, older load never overrides a newer one. */
  private generation = 0;

  constructor(private readonly deps: SchemaLoaderDeps) {}

  /**
   * Loads the schema of `profile` (none: the language server drops any schema). With `live`
   * off only the cache is used (the setting `winsyncLdif.serverSchema` is `cached` or the
   * caller only wants a quick start).
   */
  async load(profile: ConnectionProfile | undefined, options: { live: boolean }): Promise<SchemaState | undefined> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    if (!profile) {
      await this.deps.send(null);
      return { kind: 'none', reason: 'No connection profile is selected.' };
    }
    const key = cacheKey(profile);
    const cached = await this.deps.cache.read(key).catch((error: unknown) => {
      this.deps.log.warn(
        `The cached schema of ${describeProfile(profile)} cannot be read (${message(error)}); it is read from the server again.`,
      );
      return undefined;
    });
    let state: SchemaState | undefined;
    if (cached && current()) {
      const result = await this.deps.send(payload(cached, 'cache'));
      state = { kind: 'cache', profile, fetchedAt: cached.fetchedAt, server: cached.server, result };
    }
    if (!options.live)
      return current()
        ? (state ?? { kind: 'unavailable', profile, error: 'No cached schema, and reading it from the server is off.' })
        : undefined;
    let fetched: FetchedSchema;
    const password = await this.deps.passwords.get(profile);
    const settings = { ...connectionSettings(profile, password ?? new Secret('')), anonymous: password === undefined };
    const how = password
      ? `as ${profile.bindDn} (stored password)`
      : 'anonymously (no stored password; none is asked for just to read the schema)';
    try {
      fetched = await this.deps.fetch(settings);
    } catch (error) {
      const reason = message(error);
      this.deps.log.warn(`Reading the schema of ${describeProfile(profile)} ${how} failed: ${reason}`);
      if (!current()) return undefined;
      if (state?.kind === 'cache') return { ...state, liveError: reason };
      await this.deps.send(null);
      return { kind: 'unavailable', profile, error: reason };
    }
    if (!current()) return undefined;
    const label = `${profile.name} (${profile.url})`;
    const fresh: CachedSchema = {
      label,
      fetchedAt: fetched.fetchedAt,
      fingerprint: fetched.fingerprint,
      server: fetched.server,
      definitions: fetched.definitions,
    };
    if (fetched.fingerprint !== cached?.fingerprint) {
      await this.deps.cache
        .write(key, fresh)
        .catch((error: unknown) =>
          this.deps.log.warn(`The schema of ${describeProfile(profile)} could not be cached: ${message(error)}`),
        );
    }
    const result = await this.deps.send(payload(fresh, 'live'));
    this.deps.log.info(
      `Schema of ${describeProfile(profile)} read ${how}: ${result.attributeTypes} attribute types, ${result.objectClasses} object classes${fetched.server.vendorVersion ? `, ${fetched.server.vendorVersion}` : ''}${cached && cached.fingerprint === fetched.fingerprint ? ' (same as the cached copy)' : ''}.`,
    );
    return { kind: 'live', profile, fetchedAt: fetched.fetchedAt, server: fetched.server, result };
  }
}

function payload(schema: CachedSchema, source: 'live' | 'cache'): SchemaPayload {
  return {
    label: schema.label,
    source,
    fetchedAt: schema.fetchedAt,
    server: schema.server,
    definitions: schema.definitions,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `just now`, `12 min ago`, `5 h ago`, `3 d ago`. */
export function age(fetchedAt: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fetchedAt)) / 60_000));
  if (!Number.isFinite(minutes)) return 'at an unknown time';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `${Math.floor(minutes / (24 * 60))} d ago`;
}

/** The status bar's words for a state. */
export function statusText(
  state: SchemaState,
  now: Date = new Date(),
): { text: string; tooltip: string; warning: boolean } {
  switch (state.kind) {
    case 'none':
      return {
        text: '$(symbol-class) no schema',
        tooltip: `${state.reason} Schema checks (group schema) are off.`,
        warning: false,
      };
    case 'unavailable':
      return {
        text: '$(symbol-class) schema unavailable',
        tooltip: `The schema of ${describeProfile(state.profile)} could not be read: ${state.error}\nSchema checks are off. Click to try again.`,
        warning: true,
      };
    default: {
      const version = state.server.vendorVersion?.replace(/^389-Directory\//, '389-DS ').replace(/ B[0-9.]+$/, '');
      const counts = `${state.result.attributeTypes} attribute types, ${state.result.objectClasses} object classes`;
      const when = age(state.fetchedAt, now);
      const text =
        state.kind === 'live'
          ? `$(symbol-class) schema: live${version ? ` · ${version}` : ''}`
          : `$(symbol-class) schema: cached ${when}`;
      const lines = [
        `Server schema of ${describeProfile(state.profile)}: ${counts}${state.server.vendorVersion ? ` (${state.server.vendorVersion})` : ''}.`,
        `${state.kind === 'live' ? 'Read from the server' : 'From the cache of a read'} ${when} (${state.fetchedAt}); fingerprint ${state.result.fingerprint?.slice(0, 12) ?? 'none'}.`,
      ];
      if (state.liveError) lines.push(`Reading it again failed: ${state.liveError}`);
      if (state.result.problems.length > 0)
        lines.push(`${state.result.problems.length} definitions did not read cleanly (see the log).`);
      lines.push('Click to read it again.');
      return { text, tooltip: lines.join('\n'), warning: state.liveError !== undefined };
    }
  }
}
