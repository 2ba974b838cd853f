import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  connectionSettings,
  describeProfile,
  profileOrigin,
  readProfiles,
  resolvePath,
  secretKey,
} from '../../client/src/apply/profileSettings';
import { Secret } from '../../server/src/apply/secret';

const base = { workspaceFolder: '/ws', home: '/home/me' };
const prod = { name: 'prod', url: 'ldaps://ipa.example.com', bindDn: 'cn=Directory Manager' };

test('a complete profile is read with its defaults: verification on, no StartTLS, no confirmation', () => {
  const { profiles, problems } = readProfiles([prod], base);
  assert.deepEqual(problems, []);
  assert.deepEqual(profiles, [{ ...prod, startTls: false, verifyTls: true, confirm: false }]);
});

test('every option is read; caFile resolves ~, ${workspaceFolder} and relative paths', () => {
  const { profiles } = readProfiles(
    [
      { ...prod, name: 'a', caFile: '~/ca.pem', confirm: true, connectTimeoutSeconds: 5, timeoutSeconds: 60 },
      {
        name: 'b',
        url: 'ldap://h',
        bindDn: 'uid=x,dc=y',
        caFile: '${workspaceFolder}/certs/ca.pem',
        startTls: true,
        verifyTls: false,
      },
      { ...prod, name: 'c', caFile: 'certs/ca.pem' },
    ],
    base,
  );
  assert.deepEqual(
    profiles.map((profile) => profile.caFile),
    ['/home/me/ca.pem', '/ws/certs/ca.pem', '/ws/certs/ca.pem'],
  );
  assert.equal(profiles[0].confirm, true);
  assert.equal(profiles[1].verifyTls, false);
  assert.deepEqual(connectionSettings(profiles[0], new Secret('pw')), {
    url: prod.url,
    bindDn: prod.bindDn,
    password: connectionSettings(profiles[0], new Secret('pw')).password,
    startTls: false,
    verifyTls: true,
    caFile: '/home/me/ca.pem',
    connectTimeoutMs: 5000,
    operationTimeoutMs: 60000,
  });
});

test('each problem is one line that says what is wrong and the fix; the broken profile is left out', () => {
  const { profiles, problems } = readProfiles(
    [
      { name: '', url: 'ldap://h', bindDn: 'cn=x' },
      { name: 'no-url', bindDn: 'cn=x' },
      { name: 'bad-url', url: 'http://h', bindDn: 'cn=x' },
      { name: 'creds', url: 'ldap://u:p@h', bindDn: 'cn=x' },
      { name: 'dn', url: 'ldap://h', bindDn: 'cn=x,,=' },
      { name: 'tls', url: 'ldaps://h', bindDn: 'cn=x', startTls: true },
      { name: 'flag', url: 'ldap://h', bindDn: 'cn=x', confirm: 'yes' },
      { name: 'time', url: 'ldap://h', bindDn: 'cn=x', timeoutSeconds: 0 },
      'prod',
    ],
    base,
  );
  assert.deepEqual(profiles, []);
  assert.equal(problems.length, 9);
  for (const problem of problems) {
    assert.match(problem, /\. Fix: .+\.$/, problem);
    assert.doesNotMatch(problem, /\n|--[a-z]/, problem);
  }
  assert.match(problems[0], /^Profile 1 has no "name"/);
  assert.match(problems[2], /^Profile "bad-url": The URL scheme "http:" is not supported\./);
  assert.match(
    problems[3],
    /The URL contains credentials\. Fix: Remove them from "url" and put the DN in "bindDn"; the password is asked for/,
  );
  assert.match(problems[5], /"startTls" is set with an ldaps:\/\/ URL/);
});

test('an ldapi:// profile with saslExternal needs no bind DN; saslExternal elsewhere, or with a bind DN, is a problem', () => {
  const { profiles, problems } = readProfiles(
    [
      { name: 'local', url: 'ldapi://%2Frun%2Fslapd-ipa.socket', saslExternal: true },
      { name: 'tcp', url: 'ldap://h', saslExternal: true },
      { name: 'both', url: 'ldapi://%2Frun%2Fslapd-ipa.socket', saslExternal: true, bindDn: 'cn=x' },
    ],
    base,
    'workspace settings',
  );
  assert.deepEqual(profiles, [
    {
      name: 'local',
      url: 'ldapi://%2Frun%2Fslapd-ipa.socket',
      bindDn: '',
      saslExternal: true,
      startTls: false,
      verifyTls: true,
      confirm: false,
      origin: 'workspace settings',
    },
  ]);
  assert.match(problems[0], /^Profile "tcp": "saslExternal" needs an ldapi:\/\/ "url".*Fix: Use an ldapi:\/\/ "url"/);
  assert.match(problems[1], /^Profile "both" has both "saslExternal" and "bindDn"/);
  assert.deepEqual(connectionSettings(profiles[0], undefined), {
    url: 'ldapi://%2Frun%2Fslapd-ipa.socket',
    saslExternal: true,
    startTls: false,
    verifyTls: true,
  });
  assert.equal(
    describeProfile(profiles[0]),
    '"local" (ldapi://%2Frun%2Fslapd-ipa.socket as the local user (SASL EXTERNAL))',
  );
});

test('a password key in settings is reported and ignored, never read; the profile stays usable', () => {
  const { profiles, problems } = readProfiles([{ ...prod, password: 'Hunter2' }], base);
  assert.equal(profiles.length, 1);
  assert.ok(!('password' in profiles[0]));
  assert.equal(problems.length, 1);
  assert.match(problems[0], /"password" key, which is ignored: passwords are never read from settings/);
  assert.doesNotMatch(problems[0], /Hunter2/);
});

test('the second profile with a name already taken is ignored', () => {
  const { profiles, problems } = readProfiles([prod, { ...prod, name: 'PROD', url: 'ldap://other' }], base);
  assert.deepEqual(
    profiles.map((profile) => profile.url),
    [prod.url],
  );
  assert.match(problems[0], /another profile is already named "PROD"/);
});

test('a setting that is not a list is one problem; no setting is no profiles', () => {
  assert.match(readProfiles({ name: 'x' }).problems[0], /winsyncLdif\.profiles is not a list\. Fix:/);
  assert.deepEqual(readProfiles(undefined), { profiles: [], problems: [] });
});

test('a relative caFile without a workspace folder cannot be resolved', () => {
  assert.equal(resolvePath('ca.pem', {}), undefined);
  assert.equal(resolvePath('/etc/ipa/ca.crt', {}), '/etc/ipa/ca.crt');
  assert.match(
    readProfiles([{ ...prod, caFile: 'ca.pem' }], {}).problems[0],
    /is relative, and no workspace folder is open/,
  );
});

test('the password key changes with the URL, the bind DN and the TLS trust, not with how the URL is written', () => {
  const [profile] = readProfiles([prod], base).profiles;
  assert.equal(secretKey(profile), secretKey({ ...profile, url: 'LDAPS://IPA.example.com:636' }));
  for (const other of [
    { url: 'ldaps://evil.example.com' },
    { bindDn: 'uid=admin' },
    { name: 'other' },
    { caFile: '/ws/attacker-ca.pem' },
    { verifyTls: false },
  ]) {
    assert.notEqual(secretKey(profile), secretKey({ ...profile, ...other }), JSON.stringify(other));
  }
});

test('a profile list is said to come from the settings level whose value is in effect', () => {
  const list = [{ name: 'prod' }];
  const other = [{ name: 'other' }];
  assert.equal(profileOrigin({ globalValue: list }, list), 'user settings');
  // A single-folder workspace reports its .vscode/settings.json at both workspace levels.
  assert.equal(
    profileOrigin({ globalValue: other, workspaceValue: list, workspaceFolderValue: list }, list),
    'workspace settings',
  );
  assert.equal(profileOrigin({ workspaceValue: other, workspaceFolderValue: list }, list), 'workspace folder settings');
  // Restricted Mode: the workspace's list is ignored and the user's is in effect.
  assert.equal(profileOrigin({ globalValue: list, workspaceValue: other }, list), 'user settings');
  assert.equal(profileOrigin(undefined, list), undefined);
});
