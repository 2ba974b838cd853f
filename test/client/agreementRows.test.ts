import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ago, agreementRow } from '../../client/src/agreements/rows';
import { decodeAgreement, type EntryValues } from '../../server/src/engine/status/agreementHealth';

const DN = 'cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
const NOW = new Date('2026-12-05T00:24:12Z');

function entry(overrides: Record<string, string[]> = {}): EntryValues {
  return {
    objectclass: ['top', 'nsDSWindowsReplicationAgreement'],
    cn: ['ad-sync'],
    nsds5replicaroot: ['dc=example,dc=com'],
    nsds5replicahost: ['dc1.ad.example.test'],
    nsds5replicaport: ['636'],
    nsds5replicatransportinfo: ['LDAPS'],
    nsds5replicalastupdatestatus: ['Error (0) Replica acquired successfully: Incremental update succeeded'],
    nsds5replicalastupdateend: ['20261205002400Z'],
    nsds5replicaupdateinprogress: ['FALSE'],
    nsds5replicachangessentsincestartup: ['1:3/0 '],
    ...overrides,
  };
}

test('a healthy Windows agreement: a pass icon, "last update succeeded" with its age, the details without cause or fix', () => {
  const row = agreementRow(decodeAgreement(DN, entry()), NOW);
  assert.equal(row.id, DN);
  assert.equal(row.label, 'ad-sync');
  assert.equal(row.description, 'last update succeeded · 12 s ago');
  assert.equal(row.icon, 'pass');
  assert.equal(row.contextValue, 'agreement-enabled');
  assert.deepEqual(
    row.details.map((detail) => detail.label),
    [
      'Windows sync with dc1.ad.example.test:636 (LDAPS)',
      'Enabled',
      'Last update: succeeded, 12 s ago',
      'Last init: none since the server started',
      'Running: nothing',
    ],
  );
  assert.equal(row.details[2].description, 'Replica acquired successfully: Incremental update succeeded');
  assert.equal(row.details[4].description, 'since start: 3 sent, 0 skipped');
  assert.match(row.tooltip, /DirSync/);
});

test('49: an error icon, the code and title in the description, and Cause / Fix rows', () => {
  const row = agreementRow(
    decodeAgreement(
      DN,
      entry({
        nsds5replicalastupdatestatus: ['Error (49)  -  - LDAP error: Invalid credentials (no response received)'],
      }),
    ),
    NOW,
  );
  assert.equal(row.icon, 'error');
  assert.equal(row.description, '49 Bad sync credentials · 12 s ago');
  assert.equal(row.contextValue, 'agreement-enabled-failing');
  assert.equal(row.details[2].label, 'Last update: failed: Bad sync credentials (49), 12 s ago');
  const fix = row.details.find((detail) => detail.label.startsWith('Fix: '));
  assert.match(fix?.label ?? '', /^Fix: Replace nsDS5ReplicaCredentials/);
  assert.ok(row.details.some((detail) => detail.label.startsWith('Cause: Active Directory refused the bind')));
});

test('disabled: a slashed circle and no failure rows, whatever the last status said', () => {
  const row = agreementRow(
    decodeAgreement(
      DN,
      entry({
        nsds5replicaenabled: ['off'],
        nsds5replicalastupdatestatus: ['Error (49)  -  - LDAP error: Invalid credentials'],
      }),
    ),
    NOW,
  );
  assert.equal(row.icon, 'circle-slash');
  assert.equal(row.description, 'disabled');
  assert.equal(row.contextValue, 'agreement-disabled');
  assert.ok(!row.details.some((detail) => detail.label.startsWith('Fix: ')));
});

test('a total update running shows in the description and the icon', () => {
  const row = agreementRow(decodeAgreement(DN, entry({ nsds5beginreplicarefresh: ['start'] })), NOW);
  assert.equal(row.icon, 'sync');
  assert.match(row.description, / · total update running$/);
});

test('ages', () => {
  assert.equal(ago('2026-12-05T00:24:00Z', NOW), '12 s ago');
  assert.equal(ago('2026-12-05T00:04:12Z', NOW), '20 min ago');
  assert.equal(ago('2026-12-04T20:24:12Z', NOW), '4 h ago');
  assert.equal(ago('2026-12-01T00:24:12Z', NOW), '4 d ago');
  assert.equal(ago(null, NOW), 'time unknown');
});
