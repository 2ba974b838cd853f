import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementStatusCatalog } from '../../../server/src/engine/catalog/agreementStatus';
import { AgreementStatusCatalogSchema } from '../../../server/src/engine/catalog/agreementStatus.schema';
import {
  agreementKindOf,
  decodeAgreement,
  findingFor,
  generalizedTime,
  parseChangesSent,
  parseStatus,
  type EntryValues,
} from '../../../server/src/engine/status/agreementHealth';

const DN = 'cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

/** The lab agreement as 389-DS 2.3.1 returned it (test/sync), lower-cased names. */
function labEntry(overrides: Record<string, string[] | undefined> = {}): EntryValues {
  const entry: Record<string, string[] | undefined> = {
    objectclass: ['top', 'nsDSWindowsReplicationAgreement'],
    cn: ['ad-sync'],
    nsds5replicaroot: ['dc=example,dc=com'],
    nsds5replicahost: ['dc1.ad.example.test'],
    nsds5replicaport: ['636'],
    nsds5replicatransportinfo: ['LDAPS'],
    nsds5replicaenabled: ['on'],
    nsds5replicalastupdatestart: ['20261205002400Z'],
    nsds5replicalastupdateend: ['20261205002400Z'],
    nsds5replicachangessentsincestartup: ['1:0/1 '],
    nsds5replicalastupdatestatus: ['Error (0) Replica acquired successfully: Incremental update succeeded'],
    nsds5replicalastupdatestatusjson: [
      '{"state": "green", "ldap_rc": "0", "ldap_rc_text": "Success", "repl_rc": "0", "repl_rc_text": "replica acquired", "date": "2026-12-05T00:24:00Z", "message": "Error (0) Replica acquired successfully: Incremental update succeeded"}',
    ],
    nsds5replicaupdateinprogress: ['FALSE'],
    nsds5replicalastinitstart: ['19700101000000Z'],
    nsds5replicalastinitend: ['19700101000000Z'],
    ...overrides,
  };
  return Object.fromEntries(Object.entries(entry).filter((pair): pair is [string, string[]] => pair[1] !== undefined));
}

describe('status text', () => {
  test('success: code 0, the text without "Error (0)", the time from the JSON twin', () => {
    const report = parseStatus(
      'Error (0) Replica acquired successfully: Incremental update succeeded',
      '{"state": "green", "ldap_rc": "0", "repl_rc": "0", "date": "2026-12-05T00:24:00Z", "message": "x"}',
    );
    assert.deepEqual(report, {
      code: 0,
      message: 'Replica acquired successfully: Incremental update succeeded',
      time: '2026-12-05T00:24:00.000Z',
      space: 'ldap',
      ldapCode: 0,
      replicationCode: 0,
      raw: 'Error (0) Replica acquired successfully: Incremental update succeeded',
    });
  });

  test('an LDAP error as 389-DS 2.3 writes it: the empty " -  - " parts are dropped', () => {
    const report = parseStatus('Error (49)  -  - LDAP error: Invalid credentials (no response received)');
    assert.equal(report?.code, 49);
    assert.equal(report?.space, 'ldap');
    assert.equal(report?.message, 'LDAP error: Invalid credentials (no response received)');
    assert.equal(report?.time, null);
  });

  test('the pre-1.3 form "81  - LDAP error: …" (IdM guide 15.5.7)', () => {
    const report = parseStatus("81  - LDAP error: Can't contact LDAP server");
    assert.equal(report?.code, 81);
    assert.equal(report?.space, 'ldap');
    assert.equal(findingFor(report!, 'windows', 'update').title, 'Cannot reach the peer');
  });

  test('a replication protocol result (ldap_rc 0) is read in its own number space', () => {
    const text = "Error (1) Can't acquire busy replica (consumer is busy)";
    const json =
      '{"state": "amber", "ldap_rc": "0", "ldap_rc_text": "Success", "repl_rc": "1", "repl_rc_text": "replica busy", "date": "2026-12-05T01:00:00Z", "message": "x"}';
    const withJson = parseStatus(text, json);
    const withoutJson = parseStatus(text);
    for (const report of [withJson, withoutJson]) {
      assert.equal(report?.space, 'replication');
      assert.equal(findingFor(report!, 'replication', 'update').title, 'Replica busy');
    }
    // 1 in the LDAP space is "operations error", not "busy": no advice for it.
    assert.notEqual(findingFor({ ...withJson!, space: 'ldap' }, 'replication', 'update').title, 'Replica busy');
  });

  test('a total update that lost its connection: "Error (N) connection error: … - Total update aborted"', () => {
    const report = parseStatus('Error (2) connection error: not connected - Total update aborted');
    assert.equal(report?.space, 'connection');
    const finding = findingFor(report!, 'windows', 'init');
    assert.equal(finding.title, 'Total update aborted');
    assert.equal(finding.severity, 'error');
  });

  test('JSON whose message holds unescaped quotes still gives its numbers and date', () => {
    const report = parseStatus(
      "Error (-1)  -  - LDAP error: Can't contact LDAP server",
      '{"state": "red", "ldap_rc": "-1", "repl_rc": "255", "date": "2026-12-05T00:31:33Z", "message": "Error "quoted" text"}',
    );
    assert.deepEqual([report?.ldapCode, report?.replicationCode, report?.time], [-1, 255, '2026-12-05T00:31:33.000Z']);
  });

  test('missing or empty status → null', () => {
    assert.equal(parseStatus(undefined), null);
    assert.equal(parseStatus('   '), null);
  });

  test('times: 1970 (never since start) and malformed values are null', () => {
    assert.equal(generalizedTime('20261205002402Z'), '2026-12-05T00:24:02.000Z');
    assert.equal(generalizedTime('19700101000000Z'), null);
    assert.equal(generalizedTime('yesterday'), null);
    assert.equal(generalizedTime(undefined), null);
  });

  test('changes sent since start: "replica:sent/skipped" per replica', () => {
    assert.deepEqual(parseChangesSent('1:3/0 2:1/1 '), [
      { replicaId: 1, sent: 3, skipped: 0 },
      { replicaId: 2, sent: 1, skipped: 1 },
    ]);
    assert.deepEqual(parseChangesSent(''), []);
  });
});

describe('outcomes', () => {
  const update = (text: string, kind: 'windows' | 'replication' = 'windows') =>
    findingFor(parseStatus(text)!, kind, 'update');

  test('49 is bad sync credentials on a Windows agreement, bad replication credentials otherwise, each with its fix', () => {
    const windows = update('Error (49)  -  - LDAP error: Invalid credentials (no response received)');
    assert.equal(windows.title, 'Bad sync credentials');
    assert.equal(windows.severity, 'error');
    assert.match(windows.fix, /replace: nsDS5ReplicaCredentials/);
    assert.equal(windows.observed, true);
    assert.equal(
      update('Error (49)  -  - LDAP error: Invalid credentials', 'replication').title,
      'Bad replication credentials',
    );
  });

  test('-1 "Can\'t contact" names host, port and TLS trust, with the guide\'s 15.5.1 and 15.5.7 steps', () => {
    const finding = update("Error (-1)  -  - LDAP error: Can't contact LDAP server (no response received)");
    assert.equal(finding.title, 'Cannot reach the peer');
    assert.match(finding.cause, /host name/);
    assert.match(finding.cause, /certificate/);
    assert.match(finding.fix, /15\.5\.1/);
    assert.match(finding.fix, /certutil -d \/etc\/dirsrv\/slapd-INSTANCE -D -n "Imported CA"/);
    assert.match(finding.fix, /restart 389-DS/);
  });

  test('-1 with "requires administrator action" is the fatal stop, not a connection problem', () => {
    // windows_inc_protocol.c sets (-1, 0, "Incremental update has failed…"); -1's LDAP text is "Can't contact LDAP server".
    assert.equal(
      update(
        "Error (-1) Incremental update has failed and requires administrator action - LDAP error: Can't contact LDAP server",
      ).title,
      'Stopped after a fatal error',
    );
  });

  test('-2 points at the restart after a host change; 65 at the re-link after unsync', () => {
    assert.match(
      update('Error (-2)  -  - LDAP error: Local error (no response received)').fix,
      /Restart 389-DS after changing nsDS5ReplicaHost/,
    );
    assert.match(
      update('Error (65)  -  - LDAP error: Object class violation').fix,
      /objectClass ntUser and ntUserDomainId/,
    );
  });

  test('code 0 texts: no session since start and a running session are information, not failure', () => {
    assert.equal(update('Error (0) No replication sessions started since server startup').severity, 'info');
    assert.equal(
      update('Error (0) Replica acquired successfully: Incremental update started').title,
      'Session running',
    );
    assert.equal(update('Error (0) Replica acquired successfully: Incremental update succeeded').severity, 'ok');
    assert.equal(findingFor(parseStatus('Error (0) Total update succeeded')!, 'windows', 'init').severity, 'ok');
  });

  test('an unknown failure still says where to look', () => {
    const finding = update('Error (71)  -  - LDAP error: Affects multiple DSAs');
    assert.equal(finding.severity, 'error');
    assert.match(finding.fix, /errors log/);
  });
});

describe('decoded agreement', () => {
  test('the lab agreement: windows, enabled, healthy, with the caveats', () => {
    const health = decodeAgreement(DN, labEntry());
    assert.equal(health.kind, 'windows');
    assert.equal(health.name, 'ad-sync');
    assert.equal(health.peer, 'dc1.ad.example.test:636');
    assert.equal(health.enabled, true);
    assert.equal(health.healthy, true);
    assert.equal(health.lastInit, null, 'no total update since the server started');
    assert.equal(health.lastInitStart, null);
    assert.equal(health.lastUpdateEnd, '2026-12-05T00:24:00.000Z');
    assert.deepEqual(health.changesSent, [{ replicaId: 1, sent: 0, skipped: 1 }]);
    assert.match(health.explanation, /^Last update succeeded \(2026-12-05 00:24:00 UTC\)/);
    assert.match(health.explanation, /in memory/);
    assert.match(health.explanation, /DirSync/);
  });

  test('failing: healthy false, and the explanation gives cause and fix', () => {
    const health = decodeAgreement(
      DN,
      labEntry({
        nsds5replicalastupdatestatus: ['Error (49)  -  - LDAP error: Invalid credentials (no response received)'],
        nsds5replicalastupdatestatusjson: undefined,
      }),
    );
    assert.equal(health.healthy, false);
    assert.equal(health.lastUpdate?.time, '2026-12-05T00:24:00.000Z', 'without JSON the end time stands in');
    assert.match(
      health.explanation,
      /Last update: Bad sync credentials .*Cause: .*Fix: Replace nsDS5ReplicaCredentials/,
    );
  });

  test('disabled agreements do not count as failing, whatever their last status', () => {
    const health = decodeAgreement(
      DN,
      labEntry({
        nsds5replicaenabled: ['off'],
        nsds5replicalastupdatestatus: ['Error (49)  -  - LDAP error: Invalid credentials'],
      }),
    );
    assert.equal(health.enabled, false);
    assert.equal(health.healthy, true);
    assert.equal(health.update.title, 'Disabled');
  });

  test('a replication agreement, a total update running, and no DirSync caveat', () => {
    const health = decodeAgreement(
      'cn=to-b,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      labEntry({
        objectclass: ['top', 'nsds5ReplicationAgreement'],
        cn: ['to-b'],
        nsds5beginreplicarefresh: ['start'],
        nsds5replicalastinitstatus: ['Error (0) Total update in progress'],
      }),
    );
    assert.equal(health.kind, 'replication');
    assert.equal(health.initInProgress, true);
    assert.equal(health.init?.title, 'Total update running');
    assert.ok(!health.caveats.some((caveat) => caveat.includes('DirSync')));
  });

  test('kinds by object class, any case', () => {
    assert.equal(agreementKindOf({ objectclass: ['TOP', 'NSDSWINDOWSREPLICATIONAGREEMENT'] }), 'windows');
    assert.equal(agreementKindOf({ objectclass: ['nsDS5ReplicationAgreement'] }), 'replication');
    assert.equal(agreementKindOf({ objectclass: ['person'] }), undefined);
  });
});

describe('status catalog', () => {
  test('validates, and no two outcomes claim the same status', () => {
    const catalog = AgreementStatusCatalogSchema.parse(agreementStatusCatalog());
    const keys = new Set<string>();
    for (const outcome of catalog.outcomes) {
      for (const code of outcome.codes ?? ['any']) {
        for (const kind of outcome.kinds ?? ['windows', 'replication']) {
          const key = [
            outcome.space,
            code,
            outcome.messageIncludes?.toLowerCase() ?? '',
            kind,
            outcome.status ?? 'both',
          ].join('|');
          assert.ok(!keys.has(key), `two outcomes for ${key}`);
          keys.add(key);
        }
      }
    }
  });

  test('an outcome with a text condition comes before the one for its number without it', () => {
    const outcomes = agreementStatusCatalog().outcomes;
    outcomes.forEach((outcome, index) => {
      if (outcome.messageIncludes) return;
      for (const later of outcomes.slice(index + 1)) {
        const overlap =
          later.space === outcome.space && (later.codes ?? []).some((code) => outcome.codes?.includes(code));
        assert.ok(
          !(overlap && later.messageIncludes && (!later.kinds || !outcome.kinds)),
          `"${later.title}" is shadowed by "${outcome.title}"`,
        );
      }
    });
  });
});
