/**
 * What 389-DS reports in an agreement's status attributes (`nsds5replicaLastUpdateStatus`,
 * `nsds5replicaLastInitStatus` and their `…JSON` twins), and what each known outcome means for a
 * Windows sync or replication agreement: a title, the cause and the fix, in our words. Plain data,
 * checked with zod at build and test time (agreementStatus.schema.ts); `engine/status` decodes a live agreement entry against it.
 *
 * How 389-DS writes the status (repl5_agmt.c agmt_set_last_update_status / …_init_status):
 * `Error (N) <text>`, where N is the LDAP result when the LDAP operation failed (negative numbers
 * are the OpenLDAP client library's own: -1 "Can't contact LDAP server", -2 "Local error"),
 * otherwise the replication protocol's result (`NSDS50_REPL_*`, repl5.h), and for a total update
 * that lost its connection the connection result ("Error (N) connection error: …"). The JSON twin carries both
 * numbers (`ldap_rc`, `repl_rc`). Releases before 1.3.x wrote `N <text>` (the IdM guide's
 * "Update failed! Status: [81  - LDAP error: Can't contact LDAP server]", 81 being that SDK's code).
 */
import type {
  AgreementKind,
  AgreementStatusCatalog,
  StatusOutcome,
  StatusSeverity,
  StatusSpace,
} from './agreementStatus.schema';

export type { AgreementKind, AgreementStatusCatalog, StatusOutcome, StatusSeverity, StatusSpace };

const AGMT_C = '389-ds-base repl5_agmt.c agmt_set_last_update_status / agmt_set_last_init_status';
const WIN_INC = '389-ds-base windows_inc_protocol.c windows_inc_run';
const LAB = 'winsync lab (test/sync/status.test.ts; shared/research/samba-winsync README §13)';
const SEED_1551 = 'IdM guide 15.5.1 "Trusting the Active Directory and IdM CA Certificates"';
const SEED_1557 = 'IdM guide 15.5.7 "Winsync Agreement Failures"';
const REPL_H = '389-ds-base repl5.h NSDS50_REPL_*; repl5_protocol_util.c protocol_response2string';

const TRUST_AD_CA =
  'If the transport is LDAPS or StartTLS, the AD certificate must be signed by a CA in the 389-DS certificate database (IdM guide 15.5.1): ' +
  'certutil -A -d /etc/dirsrv/slapd-INSTANCE -n "AD CA" -t "CT,," -a -i ad-ca.pem, then restart 389-DS, which reads CA certificates only when it starts. ' +
  'If certutil -L -d /etc/dirsrv/slapd-INSTANCE lists "Imported CA" more than once, a wrong AD CA was imported: delete it with certutil -d /etc/dirsrv/slapd-INSTANCE -D -n "Imported CA" (15.5.7) and import the right one.';

const agreementStatusData: AgreementStatusCatalog = {
  outcomes: [
    // ------------------------------------------------------------------ result 0: the text tells
    {
      space: 'ldap',
      codes: [0],
      messageIncludes: 'No replication sessions started since server startup',
      severity: 'info',
      title: 'No session since the server started',
      cause:
        '389-DS keeps the status in memory only, and this agreement has not run a session since 389-DS last started.',
      fix: 'Nothing, if the server has just started: a Windows agreement runs a session every winSyncInterval seconds, a replication agreement at the next change. "Send updates now" runs one at once.',
      source: `${AGMT_C} (get_agmt_status); ${LAB}`,
      observed: true,
    },
    {
      space: 'ldap',
      codes: [0],
      messageIncludes: 'agreement disabled',
      severity: 'info',
      title: 'Agreement disabled',
      cause: 'nsds5ReplicaEnabled was set to off: the agreement sends and receives nothing.',
      fix: 'Set nsds5ReplicaEnabled: on to resume; changes made meanwhile follow.',
      source: `${AGMT_C} agmt_set_enabled_from_entry`,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [0],
      messageIncludes: 'Incremental update started',
      severity: 'info',
      title: 'Session running',
      cause:
        'A session has started and not finished yet. If this stays for minutes on a Windows agreement, it may never have been initialised: each session then stops at once and the errors log says "Replica has no update vector. It has never been initialized."',
      fix: 'Wait for the session to end. If it never does, run a total update (nsds5BeginReplicaRefresh: start).',
      source: `${WIN_INC} (STATE_SENDING_UPDATES, EXAMINE_RUV_PRISTINE_REPLICA)`,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [0],
      messageIncludes: 'Protocol stopped',
      severity: 'warning',
      title: 'Protocol stopped',
      cause:
        "The agreement's protocol was stopped while a session was starting: by a shutdown, a total update taking over, or nsds5BeginReplicaRefresh: stop.",
      fix: 'It resumes by itself after a total update or a restart; if not, disable and enable the agreement.',
      source: WIN_INC,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [0],
      messageIncludes: 'Total update in progress',
      status: 'init',
      severity: 'info',
      title: 'Total update running',
      cause:
        'A total update (nsds5BeginReplicaRefresh: start) is running; nsds5BeginReplicaRefresh disappears when it ends.',
      fix: 'Wait for it: a few seconds for hundreds of entries, longer for large directories.',
      source: '389-ds-base windows_tot_protocol.c, repl5_tot_protocol.c',
      observed: false,
    },
    {
      space: 'connection',
      messageIncludes: 'Total update aborted',
      status: 'init',
      severity: 'error',
      title: 'Total update aborted',
      cause:
        'The total update stopped before it was done: the connection failed or an entry could not be sent. The text before "Total update aborted" names the connection result.',
      fix: 'Fix what the errors log names for this agreement, then start the total update again (nsds5BeginReplicaRefresh: start).',
      source: '389-ds-base windows_tot_protocol.c L224, repl5_tot_protocol.c L582',
      observed: false,
    },
    {
      space: 'ldap',
      codes: [0],
      severity: 'ok',
      title: 'Succeeded',
      cause: 'The last session ended without an error.',
      fix: 'Nothing to do.',
      source: `${AGMT_C}; ${LAB}`,
      observed: true,
    },
    // ------------------------------------------------------------------ LDAP results
    {
      space: 'ldap',
      codes: [49],
      kinds: ['windows'],
      severity: 'error',
      title: 'Bad sync credentials',
      cause:
        'Active Directory refused the bind of the sync account: nsDS5ReplicaCredentials is not the current AD password of nsDS5ReplicaBindDN, the bind DN is wrong, or the AD account is disabled, locked or expired. Nothing is synchronised in either direction.',
      fix: "Replace nsDS5ReplicaCredentials with the account's current AD password (changetype: modify / replace: nsDS5ReplicaCredentials) and check nsDS5ReplicaBindDN; the next session uses them, no restart needed.",
      source: `${LAB}: a wrong nsDS5ReplicaCredentials turned the status to "Error (49)  -  - LDAP error: Invalid credentials (no response received)" within one interval, and the right one back to Error (0)`,
      observed: true,
    },
    {
      space: 'ldap',
      codes: [49],
      kinds: ['replication'],
      severity: 'error',
      title: 'Bad replication credentials',
      cause:
        'The consumer refused the bind: nsDS5ReplicaCredentials does not match the password of nsDS5ReplicaBindDN on the consumer (often cn=replication manager,cn=config), or that entry does not exist there.',
      fix: "Set nsDS5ReplicaCredentials to the consumer's replication manager password, and check that nsDS5ReplicaBindDN exists on the consumer and is listed in its replica entry.",
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [-1],
      messageIncludes: 'requires administrator action',
      severity: 'error',
      title: 'Stopped after a fatal error',
      // Before "Can't contact": 389-DS writes this stop as -1, whose LDAP text is also "Can't contact LDAP server".
      cause:
        'The incremental protocol hit an error it does not retry (for example too much clock skew, or a broken update vector) and stopped for good.',
      fix: 'Read the errors log around "Incremental update failed and requires administrator action", fix the cause, then disable and enable the agreement, or run a total update.',
      source: `${WIN_INC} STATE_STOP_FATAL_ERROR; repl5_inc_protocol.c`,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [-1, 81],
      messageIncludes: "Can't contact LDAP server",
      severity: 'error',
      title: 'Cannot reach the peer',
      cause:
        '389-DS could not connect to nsDS5ReplicaHost:nsDS5ReplicaPort, or the TLS handshake failed: the host name does not resolve from the 389-DS machine, nothing listens on the port, a firewall drops the traffic, the peer certificate is not signed by a CA 389-DS trusts, or its name does not match nsDS5ReplicaHost (389-DS checks it, so an IP address fails against a certificate issued to a name).',
      fix: `Use the peer's fully qualified name, as written in its certificate, in nsDS5ReplicaHost, and the right port (636 for LDAPS, 389 for LDAP and StartTLS). ${TRUST_AD_CA} The errors log names the failure on a "slapi_ldap_bind - Could not send bind request" line (389-DS 2.3 against Samba: "system error -5950" when the name did not match, "-5987" when the CA was not loaded).`,
      source: `${SEED_1551}; ${SEED_1557}; ${LAB}: a wrong host name and a missing CA both gave "Error (-1)  -  - LDAP error: Can't contact LDAP server"`,
      observed: true,
    },
    {
      space: 'ldap',
      codes: [-2, 82],
      severity: 'error',
      title: 'Local error',
      cause:
        'The LDAP client inside 389-DS failed before anything reached the peer. Seen after nsDS5ReplicaHost was changed on a live agreement: 389-DS 2.3 keeps a pointer into the modify request, and the host name turns to garbage (errors log: "Could not initialize LDAP connection to [ldaps://…]" with unreadable characters).',
      fix: 'Restart 389-DS after changing nsDS5ReplicaHost (disabling and enabling the agreement is not enough). With nsDS5ReplicaBindMethod SASL/GSSAPI, also check the Kerberos keytab.',
      source:
        'shared/research/samba-winsync README (389-DS: changing a live agreement); 389-ds-base repl5_agmt.c agmt_set_host_from_entry',
      observed: true,
    },
    {
      space: 'ldap',
      codes: [-5, 85],
      severity: 'error',
      title: 'Timed out',
      cause: 'The peer accepted the connection but did not answer in time.',
      fix: "Check the peer's load and the network; nsds5ReplicaTimeout (seconds) raises the limit.",
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [-11, 91],
      severity: 'error',
      title: 'Could not connect',
      cause: 'The connection to nsDS5ReplicaHost:nsDS5ReplicaPort could not be opened.',
      fix: 'Check host, port and firewall between the two servers.',
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [8, 13],
      severity: 'error',
      title: 'Encryption required',
      cause:
        'The peer refuses a simple bind over a connection without TLS (AD: "LDAP server signing requirements"; Samba: "ldap server require strong auth").',
      fix: "Use nsDS5ReplicaTransportInfo: LDAPS with nsDS5ReplicaPort: 636 (or StartTLS on 389), with the peer's CA trusted.",
      source: 'shared/research/samba-winsync README (Samba gotchas: "BindSimple: Transport encryption required")',
      observed: false,
    },
    {
      space: 'ldap',
      codes: [32],
      severity: 'error',
      title: 'No such object',
      cause:
        'A DN the agreement relies on does not exist on the peer: for a Windows agreement most often nsds7WindowsReplicaSubtree in AD, or the container of an entry being created.',
      fix: 'Check nsds7WindowsReplicaSubtree and nsds7DirectoryReplicaSubtree (and winSyncSubtreePair) against what exists on each side.',
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [50],
      kinds: ['windows'],
      severity: 'error',
      title: 'Insufficient access',
      cause:
        'The sync account may not do what winsync asks: DirSync needs the "Replicating Directory Changes" right on the domain, and creating, changing or deleting users and setting passwords need write rights on the synced container.',
      fix: 'Give nsDS5ReplicaBindDN those rights in AD (or use an account that has them, e.g. a member of Domain Admins).',
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [50],
      kinds: ['replication'],
      severity: 'error',
      title: 'Insufficient access',
      cause: 'The consumer does not accept updates from nsDS5ReplicaBindDN.',
      fix: "List nsDS5ReplicaBindDN (or its group) in the consumer's replica entry (nsDS5ReplicaBindDN / nsDS5ReplicaBindDNGroup).",
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [53],
      severity: 'error',
      title: 'Unwilling to perform',
      cause:
        "The peer refused an operation: for AD most often a password (unicodePwd) sent over a connection without TLS, or refused by AD's password policy.",
      fix: 'Sync over LDAPS (nsDS5ReplicaTransportInfo: LDAPS, port 636); check the password policy on the AD side.',
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [19],
      severity: 'error',
      title: 'Constraint violation',
      cause:
        'The peer refused a value, most often a password that does not meet its password policy (length, complexity, history).',
      fix: 'Set a password that meets the AD policy, or relax the policy for synced accounts.',
      source: AGMT_C,
      observed: false,
    },
    {
      space: 'ldap',
      codes: [65],
      severity: 'error',
      title: 'Object class violation',
      cause:
        'An entry was refused because of its object classes: it lacks a required attribute or carries one its classes do not allow. On a Windows agreement this happens when a directory entry has sync attributes without objectClass ntUser (for example after winSyncMoveAction unsync, when the AD user moves back: 389-DS then fails to re-link it, "windows_update_local_entry … error 65", and does not retry).',
      fix: 'The errors log names the entry. Add the missing object class or attribute (for an unsynced user: objectClass ntUser and ntUserDomainId), then change the entry in AD once, or run a total update.',
      source:
        'winsync lab (test/sync/moveAction.test.ts: unsync, then move back); 389-ds-base windows_protocol_util.c windows_update_local_entry',
      observed: false,
    },
    {
      space: 'ldap',
      codes: [68],
      severity: 'error',
      title: 'Already exists',
      cause:
        'An entry winsync tried to create already exists on the peer (for AD: the account name is taken, possibly by an account outside the synced container).',
      fix: 'Rename or remove one of the two entries, or link them (give the directory entry objectClass ntUser and ntUserDomainId equal to the AD sAMAccountName).',
      source: 'shared/research/samba-winsync README §3 ("AD reserves the account name")',
      observed: false,
    },
    // ------------------------------------------------------------------ replication protocol results
    {
      space: 'replication',
      codes: [1],
      severity: 'warning',
      title: 'Replica busy',
      cause: 'Another supplier holds the consumer replica right now.',
      fix: 'Usually nothing: the agreement backs off and tries again. If it lasts, look for a stuck session on the consumer.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [2],
      severity: 'error',
      title: 'Clock skew',
      cause: 'The clocks of the two servers are too far apart.',
      fix: 'Synchronise both clocks (NTP).',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [3],
      severity: 'error',
      title: 'Permission denied',
      cause: 'The consumer does not accept replication from nsDS5ReplicaBindDN.',
      fix: "Add the bind DN to nsDS5ReplicaBindDN (or the group to nsDS5ReplicaBindDNGroup) of the consumer's replica entry.",
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [6],
      severity: 'error',
      title: 'No such replica',
      cause: 'The consumer has no replica for nsDS5ReplicaRoot.',
      fix: 'Enable replication for that suffix on the consumer.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [7, 19],
      severity: 'error',
      title: 'Consumer needs initialising',
      cause: "The consumer's update vector is older than the changelog can serve, or does not match it.",
      fix: 'Initialise the consumer again: nsds5BeginReplicaRefresh: start.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [11],
      severity: 'error',
      title: 'Duplicate replica ID',
      cause: 'Two suppliers use the same nsDS5ReplicaId.',
      fix: 'Give each supplier its own nsDS5ReplicaId.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [12],
      severity: 'error',
      title: 'Replica disabled',
      cause: 'The replicated suffix or the agreement is disabled.',
      fix: 'Enable it (nsds5ReplicaEnabled: on); a disabled suffix also needs a restart once enabled.',
      source: `${AGMT_C} (NSDS50_REPL_DISABLED)`,
      observed: false,
    },
    {
      space: 'replication',
      codes: [14, 18],
      severity: 'warning',
      title: 'Backing off',
      cause: 'The replica could not be acquired for a passing reason; the agreement retries with growing pauses.',
      fix: 'Usually nothing. If it lasts, the errors log says why.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [15],
      severity: 'error',
      title: 'Changelog error',
      cause: 'The changes to send could not be read from the changelog.',
      fix: "Check the changelog configuration and disk; a consumer that fell behind the changelog's trimming needs a total update.",
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [16, 17, 255],
      severity: 'error',
      title: 'Connection error',
      cause: 'The connection to the peer failed or timed out during the session.',
      fix: 'Check the network and the peer; the agreement retries by itself.',
      source: REPL_H,
      observed: false,
    },
    {
      space: 'replication',
      codes: [8],
      severity: 'error',
      title: 'Internal error',
      cause: 'Something failed inside the consumer or the replication plug-in.',
      fix: "Read both servers' errors logs at the time of the status.",
      source: REPL_H,
      observed: false,
    },
  ],
  unknownFailure: {
    cause: 'The last session failed with a result this extension has no advice for.',
    fix: "The status text names the LDAP error; the 389-DS errors log (/var/log/dirsrv/slapd-INSTANCE/errors) says more, with the agreement's name on each line.",
  },
  caveats: {
    inMemory:
      '389-DS keeps these status attributes in memory: after a restart the last update reads "No replication sessions started since server startup", the last init is gone, and the times read 1970.',
    dirsyncBlind:
      'For a Windows agreement the status covers the session and what is sent to AD, not DirSync (AD → directory): when reading from AD fails, the status still says "succeeded" and only the errors log shows "send_dirsync_search … Failed". Check that a change made in AD arrives.',
  },
};

/** The status catalog, as checked against its schema at build and test time. */
export function agreementStatusCatalog(): AgreementStatusCatalog {
  return agreementStatusData;
}
