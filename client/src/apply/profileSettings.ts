/**
 * Connection profiles as written in the `winsyncLdif.profiles` setting, checked into usable
 * profiles plus one "what is wrong. Fix: What to write" line per problem. No vscode import:
 * test/client/profileSettings.test.ts covers it.
 */
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { parseLdapUrl, type ConnectionSettings } from '@apply/connection';
import { ApplyError, formatExplanation } from '@apply/errors';
import type { Secret } from '@apply/secret';
import { parseDn } from '@engine/dn/dn';
import { renderRemedy } from './remedies';

/** Which settings a profile was read from: people must know when a workspace chose the server. */
export type ProfileOrigin = 'user settings' | 'workspace settings' | 'workspace folder settings';

export interface ConnectionProfile {
  readonly name: string;
  readonly url: string;
  /** The DN of a simple bind; '' with saslExternal. */
  readonly bindDn: string;
  /** SASL EXTERNAL over ldapi://: no bind DN, no password. */
  readonly saslExternal?: boolean;
  readonly origin?: ProfileOrigin;
  /** Absolute path of the PEM CA file. */
  readonly caFile?: string;
  readonly startTls: boolean;
  /** Only an explicit `false` in the setting turns verification off. */
  readonly verifyTls: boolean;
  /** Ask before every apply with this profile. */
  readonly confirm: boolean;
  readonly connectTimeoutSeconds?: number;
  readonly timeoutSeconds?: number;
}

export interface ProfileSettings {
  readonly profiles: readonly ConnectionProfile[];
  /** One line each: what is wrong and the fix. A profile with a problem is left out, except for unknown keys. */
  readonly problems: readonly string[];
}

export interface PathBase {
  /** Folder that relative `caFile` paths and `${workspaceFolder}` resolve against. */
  readonly workspaceFolder?: string;
  readonly home?: string;
}

const KEYS = [
  'name',
  'url',
  'bindDn',
  'saslExternal',
  'caFile',
  'startTls',
  'verifyTls',
  'confirm',
  'connectTimeoutSeconds',
  'timeoutSeconds',
];
const EXAMPLE =
  '{ "name": "prod", "url": "ldaps://ipa.example.com", "bindDn": "cn=Directory Manager", "caFile": "/etc/ipa/ca.crt" }';

export function readProfiles(raw: unknown, base: PathBase = {}, origin?: ProfileOrigin): ProfileSettings {
  if (raw === undefined || raw === null) return { profiles: [], problems: [] };
  if (!Array.isArray(raw)) {
    return { profiles: [], problems: [`winsyncLdif.profiles is not a list. Fix: Write it as [ ${EXAMPLE} ].`] };
  }
  const profiles: ConnectionProfile[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const result = readProfile(item, index, base);
    problems.push(...result.problems);
    if (!result.profile) return;
    if (origin) result.profile = { ...result.profile, origin };
    if (names.has(result.profile.name.toLowerCase())) {
      problems.push(
        `Profile ${index + 1}: another profile is already named "${result.profile.name}"; this one is ignored. Fix: Give each profile its own name.`,
      );
      return;
    }
    names.add(result.profile.name.toLowerCase());
    profiles.push(result.profile);
  });
  return { profiles, problems };
}

function readProfile(
  item: unknown,
  index: number,
  base: PathBase,
): { profile?: ConnectionProfile; problems: string[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return {
      problems: [`Profile ${index + 1} of winsyncLdif.profiles is not an object. Fix: Write it as ${EXAMPLE}.`],
    };
  }
  const value = item as Record<string, unknown>;
  const label =
    typeof value.name === 'string' && value.name.trim() ? `Profile "${value.name.trim()}"` : `Profile ${index + 1}`;
  const problems: string[] = [];
  // Reported, but the profile stays usable: only the unknown key is ignored.
  const notes: string[] = [];
  for (const key of Object.keys(value)) {
    if (KEYS.includes(key)) continue;
    if (/passw|secret|credential/i.test(key)) {
      notes.push(
        `${label} has a "${key}" key, which is ignored: passwords are never read from settings (they would sit in a plain-text file). Fix: Remove it; the password is asked for once and kept in the editor's secret storage.`,
      );
    } else {
      notes.push(`${label} has an unknown key "${key}", which is ignored. Fix: Use only ${KEYS.join(', ')}.`);
    }
  }

  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (!name)
    problems.push(`${label} has no "name". Fix: Give it a short name such as "prod"; the status bar shows it.`);

  const url = typeof value.url === 'string' ? value.url.trim() : '';
  let scheme: 'ldap' | 'ldaps' | 'ldapi' | undefined;
  if (!url) {
    problems.push(
      `${label} has no "url". Fix: Add "url": "ldaps://HOST:636" (or "ldap://HOST:389" with "startTls": true).`,
    );
  } else {
    try {
      scheme = parseLdapUrl(url).scheme;
    } catch (error) {
      if (!(error instanceof ApplyError)) throw error;
      problems.push(`${label}: ${formatExplanation(error.explanation, renderRemedy)}`);
    }
  }

  const flag = (key: string, fallback: boolean): boolean => {
    const given = value[key];
    if (given === undefined) return fallback;
    if (typeof given === 'boolean') return given;
    problems.push(
      `${label}: "${key}" must be true or false, not ${JSON.stringify(given)}. Fix: Write "${key}": ${fallback ? 'false' : 'true'} (without quotes).`,
    );
    return fallback;
  };
  const saslExternal = flag('saslExternal', false);
  const bindDn = typeof value.bindDn === 'string' ? value.bindDn.trim() : '';
  if (saslExternal) {
    if (scheme && scheme !== 'ldapi')
      problems.push(
        `${label}: "saslExternal" needs an ldapi:// "url" (the server's socket), not ${scheme}://. Fix: ${renderRemedy({ kind: 'use-ldapi' })}`,
      );
    if (bindDn)
      problems.push(
        `${label} has both "saslExternal" and "bindDn". Fix: Remove "bindDn": with SASL EXTERNAL the server knows the local user from the socket.`,
      );
  } else if (!bindDn) {
    problems.push(
      `${label} has no "bindDn". Fix: Add the DN to bind as, e.g. "bindDn": "cn=Directory Manager" (or "saslExternal": true with an ldapi:// URL).`,
    );
  } else {
    const dnError = parseDn(bindDn).problems.find((problem) => problem.severity === 'error');
    if (dnError)
      problems.push(
        `${label}: "bindDn" is not a valid DN: ${dnError.message.replace(/\.?$/, '.')} Fix: Write it as type=value pairs, e.g. uid=admin,cn=users,cn=accounts,dc=example,dc=com.`,
      );
  }

  const startTls = flag('startTls', false);
  const verifyTls = flag('verifyTls', true);
  const confirm = flag('confirm', false);
  if (startTls && scheme === 'ldaps') {
    problems.push(
      `${label}: "startTls" is set with an ldaps:// URL, which is TLS already. Fix: Remove "startTls", or use an ldap:// URL with it.`,
    );
  }
  if (startTls && scheme === 'ldapi') {
    problems.push(
      `${label}: "startTls" is set with an ldapi:// URL, a local socket that never leaves the machine. Fix: Remove "startTls".`,
    );
  }

  const seconds = (key: string): number | undefined => {
    const given = value[key];
    if (given === undefined) return undefined;
    if (typeof given === 'number' && Number.isFinite(given) && given >= 1) return given;
    problems.push(
      `${label}: "${key}" must be a number of seconds, at least 1, not ${JSON.stringify(given)}. Fix: Write e.g. "${key}": 30.`,
    );
    return undefined;
  };
  const connectTimeoutSeconds = seconds('connectTimeoutSeconds');
  const timeoutSeconds = seconds('timeoutSeconds');

  let caFile: string | undefined;
  if (value.caFile !== undefined) {
    const given = typeof value.caFile === 'string' ? value.caFile.trim() : '';
    const resolved = given ? resolvePath(given, base) : undefined;
    if (!given)
      problems.push(
        `${label}: "caFile" must be the path of a PEM file. Fix: E.g. "caFile": "/etc/ipa/ca.crt", or remove the key.`,
      );
    else if (!resolved)
      problems.push(
        `${label}: "caFile" ${given} is relative, and no workspace folder is open to resolve it against. Fix: Give an absolute path.`,
      );
    caFile = resolved;
  }

  if (problems.length > 0) return { problems: [...problems, ...notes] };
  return {
    problems: notes,
    profile: {
      name,
      url,
      bindDn,
      ...(saslExternal ? { saslExternal } : {}),
      ...(caFile ? { caFile } : {}),
      startTls,
      verifyTls,
      confirm,
      ...(connectTimeoutSeconds !== undefined ? { connectTimeoutSeconds } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    },
  };
}

/** `~/x`, `${workspaceFolder}/x`, `x` (relative to the workspace folder) or an absolute path; undefined when it cannot be resolved. */
export function resolvePath(path: string, base: PathBase): string | undefined {
  const home = base.home ?? homedir();
  let expanded = path;
  if (expanded === '~' || expanded.startsWith('~/')) expanded = home + expanded.slice(1);
  if (expanded.includes('${workspaceFolder}')) {
    if (!base.workspaceFolder) return undefined;
    expanded = expanded.split('${workspaceFolder}').join(base.workspaceFolder);
  }
  if (isAbsolute(expanded)) return expanded;
  return base.workspaceFolder ? resolve(base.workspaceFolder, expanded) : undefined;
}

/**
 * The key a profile's password is stored under: its name, URL and bind DN, plus its TLS trust
 * (caFile, verification off). A profile edited to point elsewhere or to trust another CA (say,
 * by a workspace's settings) never receives the stored password: the user is asked again.
 */
export function secretKey(
  profile: Pick<ConnectionProfile, 'name' | 'url' | 'bindDn' | 'caFile' | 'verifyTls'>,
): string {
  let url = profile.url;
  try {
    url = parseLdapUrl(profile.url).url;
  } catch {
    // An invalid URL never reaches a connection; keep the text as written.
  }
  const trust = [profile.caFile ?? '', profile.verifyTls === false ? 'no-verify' : ''];
  return `winsyncLdif.password:${JSON.stringify([profile.name, url.toLowerCase(), profile.bindDn, ...trust])}`;
}

/** `"prod" (ldaps://ipa.example.com:636 as cn=Directory Manager)` */
export function describeProfile(profile: ConnectionProfile): string {
  return `"${profile.name}" (${profile.url} as ${identityOf(profile)})`;
}

/** Who the profile binds as: its bind DN, or the local user for SASL EXTERNAL. */
export function identityOf(profile: ConnectionProfile): string {
  return profile.saslExternal ? 'the local user (SASL EXTERNAL)' : profile.bindDn;
}

export function connectionSettings(profile: ConnectionProfile, password: Secret | undefined): ConnectionSettings {
  return {
    url: profile.url,
    ...(profile.saslExternal ? { saslExternal: true } : { bindDn: profile.bindDn }),
    ...(password ? { password } : {}),
    startTls: profile.startTls,
    verifyTls: profile.verifyTls,
    ...(profile.caFile ? { caFile: profile.caFile } : {}),
    ...(profile.connectTimeoutSeconds ? { connectTimeoutMs: profile.connectTimeoutSeconds * 1000 } : {}),
    ...(profile.timeoutSeconds ? { operationTimeoutMs: profile.timeoutSeconds * 1000 } : {}),
  };
}

/**
 * Which settings the effective list came from, from what `WorkspaceConfiguration.inspect`
 * reports: the level whose value is the effective one (a list is never merged across levels).
 * In Restricted Mode VS Code ignores the workspace's value, so the comparison with the
 * effective value matters.
 */
export function profileOrigin(
  inspected: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined,
  effective: unknown,
): ProfileOrigin | undefined {
  if (!inspected) return undefined;
  const same = (value: unknown) => value !== undefined && JSON.stringify(value) === JSON.stringify(effective);
  // A single-folder workspace reports its settings at both levels: they are the workspace's.
  if (same(inspected.workspaceValue)) return 'workspace settings';
  if (same(inspected.workspaceFolderValue)) return 'workspace folder settings';
  if (same(inspected.globalValue)) return 'user settings';
  return undefined;
}
