/**
 * Catalog data for Windows sync agreements (`objectClass: nsDSWindowsReplicationAgreement`,
 * `cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config`). Plain data, checked
 * against `CatalogSchema` when the bundles are built and by the tests.
 *
 * Every attribute of the objectclass's MAY list is modelled here, plus the status attributes the
 * live server returns without being asked (`nsds5replicaReapActive`, the `…StatusJSON` pair).
 *
 * `onBadValue` follows the live probe against 389-ds-base 2.3.1 (ldap-server.md §4.1 modify,
 * §4.2 add) where one exists, otherwise the code reading in anchors.md A.2 (389ds/389-ds-base
 * @ 70dcccaf: repl5_agmt.c agmt_new_from_entry L345–720 / agmt_is_valid L276–342,
 * repl5_agmtlist.c add L252–284 / modify L287–700, windows_private.c windows_parse_config_entry
 * L135–291); notes say "not probed" where only the code was read. Syntaxes and single/multi-value
 * come from the installed 2.3.1 schema (`/usr/share/dirsrv/schema/01core389.ldif`, `02common.ldif`).
 * INTEGER and DN attributes also get 21 (Invalid syntax) for values that are not a number / not a
 * DN, on add and on modify; that is the schema's syntax check, mentioned per attribute.
 */
import type { z } from 'zod';
import type { AttributeSchema, EntryKindSpecSchema, ReactionSchema } from './schema';

type AttributeInput = z.input<typeof AttributeSchema>;
type EntryKindInput = z.input<typeof EntryKindSpecSchema>;
type ReactionInput = z.input<typeof ReactionSchema>;

const A2 = 'anchors.md A.2';
const PROBE_MOD = 'ldap-server.md §4.1';
const PROBE_ADD = 'ldap-server.md §4.2';
const WIN_PRIVATE =
  '389-ds-base ldap/servers/plugins/replication/windows_private.c windows_parse_config_entry L135–291';
const AGMT_C = '389-ds-base ldap/servers/plugins/replication/repl5_agmt.c';
const AGMTLIST_C = '389-ds-base ldap/servers/plugins/replication/repl5_agmtlist.c';
const SCHEMA = '389-ds-base ldap/schema/01core389.ldif, 02common.ldif L190 (nsDSWindowsReplicationAgreement)';
/** The live probe of both agreement kinds (issue 12): every value on add and on modify, read back. */
const PROBE_12 = 'probe of 389-ds-base 2.3.1, issue 12 (findings.md §A, results.json)';
const PLAIN_SCHEMA = '389-ds-base ldap/schema/01core389.ldif (nsds5ReplicationAgreement MAY list)';

/** Status attributes the schema marks NO-USER-MODIFICATION: the front end drops them from adds and modifies. */
const NO_USER_MOD: ReactionInput = {
  kind: 'ignores',
  note: 'The schema marks it NO-USER-MODIFICATION, so the server silently drops it from the request (a modify that contains nothing else fails with 53 "no modifiable attributes specified"); the real value is filled in by the server.',
};

type BadValueInput = AttributeInput['onBadValue'];

/** The two "create new … in the directory" switches, read by true_value_from_string. */
const WINSYNC_FLAG_BAD_VALUE: BadValueInput = {
  add: {
    kind: 'ignores',
    fallback: 'false',
    note: 'Anything but on/yes/true/1 (any case) silently means false; nothing is logged.',
  },
  modify: {
    kind: 'ignores',
    fallback: 'false',
    note: 'A value such as "bogus" gets result 0 and nothing logged, and silently means false.',
  },
};

/** The busy-wait and session-pause times, which the add and modify handlers range-check alike. */
const WAIT_TIME_BAD_VALUE: BadValueInput = {
  add: {
    kind: 'rejects',
    code: 53,
    note: 'A negative or out-of-range value makes the add fail with 53 and no text; non-numbers get 21.',
  },
  modify: {
    kind: 'rejects',
    code: 1,
    note: 'Refused with 1 (Operations error) and no text when out of range; non-numbers get 21.',
  },
};

/** A read-only status attribute the server maintains: text, single-valued, dropped when written. */
function statusAttribute(fields: Pick<AttributeInput, 'name' | 'doc' | 'source' | 'since'>): AttributeInput {
  return {
    entry: 'agreement',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: { add: NO_USER_MOD, modify: NO_USER_MOD },
    ...fields,
  };
}

export const agreementEntryKind: EntryKindInput = {
  kind: 'agreement',
  title: 'replication agreement (Windows sync or 389-DS)',
  doc: [
    'A 389-DS replication agreement, stored as `cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config`',
    'under a supplier replica (389-DS runs one anywhere under `cn=mapping tree`, and finds its replica from',
    '`nsDS5ReplicaRoot`). `objectClass: nsDSWindowsReplicationAgreement` makes it a Windows sync agreement (winsync with',
    'Active Directory); `nsds5ReplicationAgreement` a 389-DS to 389-DS one. Both take the `nsDS5Replica*` settings;',
    'only a Windows agreement takes the `nsds7*`, `winSync*` and `oneWaySync` ones (on a 389-DS agreement: 65 on add, 53',
    'with no text on modify), and only a 389-DS agreement the bootstrap, flow-control, protocol-timeout and total-update',
    'settings (65 on a Windows agreement). The schema requires only `cn`, but the replication plug-in refuses an add',
    'with 53 (and no text) unless host, port, replicated suffix and — for SIMPLE or DIGEST-MD5 binds — bind DN and',
    'password are present. Many wrong values are accepted silently, add and modify check different things, and a',
    'refused modify may still have reached the running agreement (389-DS hands it over before checking it).',
    'Observed on 389-DS 2.3.1 with a Samba AD DC: password changes reach AD only with `nsslapd-unhashed-pw-switch: on` in',
    '`cn=config` (the 2.3 default is `off`, and then they are dropped without a log line).',
  ].join(' '),
  otherAllowed: ['objectClass', 'cn', 'description'],
  acceptsAnyAttribute: false,
  ownPrefixes: ['nsds7', 'winSync', 'oneWaySync'],
  objectClasses: [
    {
      name: 'nsDSWindowsReplicationAgreement',
      doc: 'Makes the entry a Windows sync agreement: the replication plug-in runs winsync (DirSync with Active Directory) for it instead of 389-to-389 replication. Its only required attribute is `cn`; do not add `nsds5ReplicationAgreement` as well.',
      identifies: true,
      agreementKind: 'windows',
      title: 'Windows sync agreement (nsDSWindowsReplicationAgreement)',
    },
    {
      name: 'nsds5ReplicationAgreement',
      doc: 'Makes the entry a 389-DS to 389-DS replication agreement (what IdM writes between its own servers). It takes the `nsDS5Replica*` settings but none of the Windows ones (`nsds7*`, `winSync*`, `oneWaySync`).',
      identifies: true,
      agreementKind: 'replication',
      title: '389-DS replication agreement (nsds5ReplicationAgreement)',
    },
    { name: 'top', doc: 'The root of every object class; FreeIPA leaves it out, lib389 writes it. Either way works.' },
  ],
};

export const agreementAttributes: AttributeInput[] = [
  // ---------------------------------------------------------------- Connection
  {
    name: 'nsDS5ReplicaHost',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'host' },
    multiValued: false,
    requiredOnAdd: true,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Any non-empty text is stored (only a missing host makes the add fail with 53, "missing host name" in the errors log); a wrong name just means the agreement can never connect.',
      },
      modify: {
        kind: 'accepts',
        note: 'A value such as "bad host name!" is stored with result 0 and nothing logged; the agreement then fails to connect.',
      },
    },
    doc: [
      'Host name (or IP address) of the Active Directory domain controller to synchronise with.',
      "With LDAPS or StartTLS, use the name the DC's certificate was issued for, or the TLS handshake may fail.",
      'FreeIPA fills it from the positional host argument of `ipa-replica-manage connect --winsync`.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} agmt_is_valid L276–342; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  {
    name: 'nsDS5ReplicaPort',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'integer', min: 1, max: 65535 },
    multiValued: false,
    requiredOnAdd: true,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'Refused with 53 and no text; the errors log says "Attribute nsds5ReplicaPort value (…) is invalid, must be a number between 1 and 65535" (a missing port reads as 0, also refused).',
      },
      modify: {
        kind: 'accepts',
        note: '389-DS 2.3.1 stored 99999, 0 and -1 with result 0 (the code reading expected result 1); the agreement then cannot connect. Non-numbers get 21.',
      },
    },
    doc: [
      'TCP port of the AD domain controller, 1–65535: normally 389 for LDAP or StartTLS and 636 for LDAPS.',
      'FreeIPA writes 389 and uses StartTLS (`TLS`). There is no default — an agreement without a port is refused.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} repl_config_valid_num L396–401; ${PROBE_ADD}; ${PROBE_MOD}; ${SCHEMA} (INTEGER)`,
  },
  {
    name: 'nsDS5ReplicaTransportInfo',
    entry: 'agreement',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'LDAP',
          doc: 'Plain, unencrypted LDAP (the default). AD will not accept password changes over it, so password sync to AD needs LDAPS or StartTLS.',
        },
        { value: 'LDAPS', doc: 'TLS from the first byte, usually on port 636.' },
        {
          value: 'StartTLS',
          doc: 'Connects with plain LDAP (usually port 389) and upgrades to TLS with the StartTLS operation before binding.',
        },
        { value: 'SSL', doc: 'Old spelling of `LDAPS`; still accepted.', legacy: true },
        {
          value: 'TLS',
          doc: 'Old spelling of `StartTLS`; still accepted, and what `ipa-replica-manage` writes.',
          legacy: true,
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    default: 'LDAP',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'LDAP',
        note: 'An unknown value is treated as no setting at all (the parser\'s "invalid value is a no-op"), so the agreement quietly uses plain LDAP.',
      },
      modify: {
        kind: 'ignores',
        fallback: 'LDAP',
        note: 'Result 0 and nothing in the errors log; the unknown value means plain LDAP.',
      },
    },
    doc: [
      'How the connection to the domain controller is secured. The documented values are `LDAP`, `LDAPS` and `StartTLS`;',
      'the server also takes the older `SSL` and `TLS`, compares case-insensitively, and silently falls back to plain LDAP for',
      "anything else. The DC's CA certificate must be trusted by the directory server for LDAPS/StartTLS to work.",
    ].join(' '),
    source: `${A2}; ${AGMT_C} L2038–2056; lib389 dsconf repl-winsync-agmt --conn-protocol help; ${PROBE_MOD}`,
  },
  {
    name: 'nsDS5ReplicaBindMethod',
    entry: 'agreement',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'SIMPLE',
          doc: 'Bind with `nsDS5ReplicaBindDN` and `nsDS5ReplicaCredentials` (the default, and the usual choice for AD).',
        },
        {
          value: 'SSLCLIENTAUTH',
          doc: "Authenticate with the server's TLS client certificate; the agreement is invalid unless the transport is LDAPS or StartTLS.",
        },
        {
          value: 'SASL/GSSAPI',
          doc: "Kerberos bind using the directory server's own keytab; no password is stored in the agreement.",
        },
        {
          value: 'SASL/DIGEST-MD5',
          doc: 'SASL DIGEST-MD5 bind; like SIMPLE it needs both a bind DN and a password.',
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    default: 'SIMPLE',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'SIMPLE',
        note: 'An unknown method is not reported; the agreement silently binds with SIMPLE.',
      },
      modify: {
        kind: 'ignores',
        fallback: 'SIMPLE',
        note: 'Result 0 and nothing logged; the unknown method silently means SIMPLE.',
      },
    },
    doc: [
      'How the directory server authenticates to the domain controller; compared case-insensitively.',
      'SIMPLE and SASL/DIGEST-MD5 need `nsDS5ReplicaBindDN` and `nsDS5ReplicaCredentials`, and SSLCLIENTAUTH needs an',
      'encrypted transport. FreeIPA and `dsconf` both use SIMPLE with a dedicated AD sync account.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} L1971–1991, agmt_is_valid L312–341; ${PROBE_MOD}`,
  },
  {
    name: 'nsDS5ReplicaBindDN',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'dn' },
    multiValued: false,
    requiredOnAdd: 'simple-bind',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 21,
        note: 'The attribute has DN syntax, so a value that is not a DN is refused with 21 (Invalid syntax); a missing bind DN with a SIMPLE bind makes the add fail with 53.',
      },
      modify: {
        kind: 'rejects',
        code: 21,
        note: 'Refused with 21 "nsDS5ReplicaBindDN: value #0 invalid per syntax" when the value is not a DN.',
      },
    },
    doc: [
      'DN of the Active Directory account the directory server binds as, e.g. `cn=sync,cn=Users,dc=ad,dc=example,dc=com`.',
      'The account needs replication (DirSync) rights and read/write access to the synced AD subtree.',
      'The schema does not declare it single-valued, but only the first value is used — write exactly one.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} agmt_is_valid L322–341; ${PROBE_MOD}; seed Table 15.2 (--binddn)`,
  },
  {
    name: 'nsDS5ReplicaCredentials',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'binary' },
    multiValued: false,
    requiredOnAdd: 'simple-bind',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Any value is taken as the password and stored encrypted; a wrong one only shows up as a failed bind (49) in the agreement status. Missing with a SIMPLE bind: the add fails with 53.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any value is stored (encrypted as {AES-…}); a wrong password shows up later as bind errors in nsds5replicaLastUpdateStatus.',
      },
    },
    doc: [
      'Password of `nsDS5ReplicaBindDN`. Write it in clear text (as base64 with `::` where LDIF requires it); the server',
      'stores it encrypted as `{AES-…}`, so reading it back never returns the password.',
      'Keep it out of files you share or commit.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (Binary syntax); ldap-server.md §3.3, §4.1`,
  },
  {
    name: 'nsds5ReplicaTimeout',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'A value outside 0…2147483647 makes the add fail with 53 and no text; non-numbers get 21 from the INTEGER syntax check.',
      },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'The modify handler answers 1 (Operations error) when it cannot apply the new timeout; non-numbers get 21.',
      },
    },
    doc: [
      'How many seconds an LDAP operation to the domain controller may take before it is abandoned as timed out.',
      "When absent the server's built-in default is used; FreeIPA writes 120.",
      'Raise it when the errors log shows timeouts on a slow link.',
    ].join(' '),
    source: `${A2}; ${AGMTLIST_C} modify L287–700; FreeIPA ipaserver/install/replication.py setup_agreement L841–885`,
  },
  {
    name: 'nsds5replicaBusyWaitTime',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: WAIT_TIME_BAD_VALUE,
    doc: [
      'Seconds to wait before trying again after the remote side answered "busy".',
      'A generic replication-agreement setting that winsync agreements also accept; rarely needed against AD.',
    ].join(' '),
    source: `${A2}; ${AGMTLIST_C} modify L287–700; ${SCHEMA} (INTEGER)`,
  },
  {
    name: 'nsds5replicaSessionPauseTime',
    entry: 'agreement',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: WAIT_TIME_BAD_VALUE,
    doc: [
      'Seconds to pause between two update sessions, giving other suppliers a chance to get in.',
      'A generic replication-agreement setting; it has little effect on a Windows agreement.',
    ].join(' '),
    source: `${A2}; ${AGMTLIST_C} modify L287–700; ${SCHEMA} (INTEGER)`,
  },
  // ---------------------------------------------------------------- Subtrees
  {
    name: 'nsDS5ReplicaRoot',
    entry: 'agreement',
    group: 'Subtrees',
    syntax: { kind: 'dn' },
    multiValued: false,
    requiredOnAdd: true,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'A suffix that is not the parent replica\'s makes the add fail with 53 and no text; the errors log says "Failed to get replica for agreement … on replicated suffix …".',
      },
      modify: {
        kind: 'ignores',
        note: 'On a Windows agreement a different suffix is stored with result 0 and nothing logged; the modify handler does not re-read it, so the running agreement keeps its original replica until the server restarts, then fails to load. A 389-DS replication agreement refuses any modify of it with 53 and no text. A value that is not a DN gets 21 either way.',
      },
    },
    doc: [
      'The replicated suffix this agreement belongs to, e.g. `dc=example,dc=com`.',
      'It must be the suffix named in the parent `cn=replica,cn=<suffix>,cn=mapping tree,cn=config` entry and a configured',
      'supplier replica; the directory subtree that is synced lies at or below it.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} agmt_new_from_entry L345–720; ${PROBE_ADD}; ${PROBE_MOD}`,
  },
  {
    name: 'nsds7WindowsReplicaSubtree',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Subtrees',
    syntax: { kind: 'dn' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Not checked at all: "not a dn" or "cn=users,,dc=x" is stored with result 0 and nothing logged, and an agreement without it is accepted too.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any text (or deleting it) gets result 0 with nothing logged; while an update is running the change only takes effect after it.',
      },
    },
    doc: [
      'The Active Directory container whose users and groups are synced, e.g. `cn=Users,dc=ad,dc=example,dc=com`',
      "(FreeIPA's default is `cn=Users,<AD suffix>`, settable with `--win-subtree`).",
      'The schema types it as a plain string, so the server never checks that it is a DN. Changing it takes effect at once,',
      'or after the sync run in progress. Ignored when `winSyncSubtreePair` is set.',
    ].join(' '),
    source: `${A2}; ${WIN_PRIVATE}, check_update_allowed L106–132; seed §15.5.4; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  {
    name: 'nsds7DirectoryReplicaSubtree',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Subtrees',
    syntax: { kind: 'dn' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Not checked at all: malformed DNs and DNs outside the replicated suffix are stored with result 0 and nothing logged.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any text, even a DN outside nsDS5ReplicaRoot, gets result 0 with nothing logged; the change waits for a running update to finish.',
      },
    },
    doc: [
      'The directory-server container that mirrors the AD subtree, e.g. `ou=People,dc=example,dc=com`; FreeIPA uses',
      '`cn=users,cn=accounts,<suffix>`. It should lie at or below `nsDS5ReplicaRoot`.',
      'The server never checks it. Ignored when `winSyncSubtreePair` is set.',
    ].join(' '),
    source: `${A2}; ${WIN_PRIVATE}; seed §15.5.4; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  {
    name: 'winSyncSubtreePair',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Subtrees',
    syntax: { kind: 'subtree-pair' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'falls-back',
        note: 'A value without the ":" separator is skipped with "Ignoring invalid subtree pairs" in the errors log; pairs outside both subtrees or plain garbage around a ":" are stored without any message.',
      },
      modify: {
        kind: 'falls-back',
        note: 'Result 0; a pair without ":" is dropped with "Ignoring invalid subtree pairs" (and "winSyncSubtreePair contains inconsistent Windows subtrees") in the errors log.',
      },
    },
    doc: [
      'Maps one directory subtree to one AD subtree, written `<directory DN>:<AD DN>`, e.g.',
      '`ou=People,dc=example,dc=com:OU=Staff,DC=ad,DC=example,DC=com`; add one value per pair.',
      'When present, the two `nsds7…ReplicaSubtree` attributes are ignored. The server splits on ":", so a DN that itself',
      'contains a colon cannot be used. `dsconf … create` does not write this attribute (only `set` does).',
    ].join(' '),
    source: `${A2}; windows_private.c L143–146, L823–870; ${PROBE_MOD}; lib389 cli_conf/replication.py`,
  },
  {
    name: 'nsds7WindowsDomain',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Subtrees',
    syntax: { kind: 'domain' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Not checked; an agreement without it, or with a value like "not a domain!!", is accepted with result 0 and nothing logged.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any text is stored with result 0 and nothing logged; the change waits for a running update to finish.',
      },
    },
    doc: [
      'DNS name of the Active Directory domain, e.g. `ad.example.com` (FreeIPA derives it from the AD suffix).',
      'The server accepts an agreement without it and never checks the value, but `dsconf` requires `--win-domain` and',
      'FreeIPA always sets it, so treat it as required.',
    ].join(' '),
    source: `${A2}; ${WIN_PRIVATE}; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  // ---------------------------------------------------------------- Sync behaviour
  {
    name: 'nsds7NewWinUserSyncEnabled',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Sync behaviour',
    syntax: { kind: 'boolean', dialect: 'winsync' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'false',
    serverManaged: false,
    onBadValue: WINSYNC_FLAG_BAD_VALUE,
    doc: [
      'Whether users created in Active Directory are created in the directory as well; existing linked users sync either way.',
      'True only for `on`, `yes`, `true` or `1` (any case) — every other word, including typos, means off without a warning.',
      'FreeIPA writes `true`, `dsconf --sync-users` writes `on`.',
    ].join(' '),
    source: `${A2}; windows_private.c true_value_from_string L72–79; ${PROBE_MOD}`,
  },
  {
    name: 'nsds7NewWinGroupSyncEnabled',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Sync behaviour',
    syntax: { kind: 'boolean', dialect: 'winsync' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'false',
    serverManaged: false,
    onBadValue: WINSYNC_FLAG_BAD_VALUE,
    doc: [
      'Whether groups created in Active Directory are created in the directory as well.',
      'Same parser as `nsds7NewWinUserSyncEnabled`: only on/yes/true/1 mean true. FreeIPA writes `false`.',
    ].join(' '),
    source: `${A2}; windows_private.c true_value_from_string L72–79; ${PROBE_MOD}`,
  },
  {
    name: 'oneWaySync',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Sync behaviour',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'fromWindows',
          doc: 'Only AD → directory: AD is the master. Edits or deletions made on the directory side are not sent to AD and are undone at the next sync (deleted entries come back).',
        },
        {
          value: 'toWindows',
          doc: 'Only directory → AD: the directory is the master. Changes made in AD are not brought back and can be overwritten by the next update from the directory.',
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'falls-back',
        note: 'The add succeeds; the errors log warns "Ignoring illegal setting for oneWaySync … Valid values are "toWindows" or "fromWindows"" and sync stays two-way.',
      },
      modify: {
        kind: 'falls-back',
        note: 'The modify succeeds (result 0); the errors log warns "Ignoring illegal setting for oneWaySync" and sync stays two-way — `both` is not a valid value either.',
      },
    },
    doc: [
      'Restricts synchronisation to one direction; without it (the default) changes flow both ways. Case-insensitive.',
      'One-way sync does not stop anyone from editing the other side: those edits simply diverge until the next sync',
      'overwrites them. To go back to two-way sync, delete the attribute — there is no value for it (`dsconf --one-way-sync',
      'both` writes the literal `both`, which the server only warns about).',
    ].join(' '),
    source: `${A2}; ${WIN_PRIVATE} L211–234; seed §15.5.5; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  {
    name: 'winSyncMoveAction',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Sync behaviour',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'none',
          doc: 'Default: an AD entry found outside the synced subtree is ignored and its directory counterpart is left as it is.',
        },
        {
          value: 'delete',
          doc: 'Deletes the directory entry that matches (by uid / group name) an AD entry found outside the sync scope, even if the two were never in sync. Almost never what you want — only for compatibility with 389 1.2.6–1.2.10 behaviour.',
        },
        {
          value: 'unsync',
          doc: 'Removes the ntUser/ntGroup object class and the sync attributes from the matching directory entry, so it stops syncing. The design note says moving the AD entry back re-links it; observed on 389-DS 2.3.1 with a Samba AD DC, it does not (389-DS logs error 65 once): add objectClass ntUser and ntUserDomainId by hand to link it again. If the AD entry is later deleted, the directory entry stays.',
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    default: 'none',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'falls-back',
        fallback: 'none',
        note: 'The add succeeds; the errors log warns "Ignoring illegal setting for winSyncMoveAction … Valid values are "delete" or "unsync"" and `none` is used.',
      },
      modify: {
        kind: 'falls-back',
        fallback: 'none',
        note: 'The modify succeeds (result 0) with the same errors-log warning, and the agreement behaves as `none`; an empty value gets 21.',
      },
    },
    doc: [
      'What to do when DirSync reports an AD entry that is outside the synced AD subtree (DirSync searches the whole AD',
      'suffix, so moved-away and never-synced entries both show up). Case-insensitive.',
      'An invalid value is not an LDAP error, whatever the 389 design page says: the server logs a warning and uses `none`.',
    ].join(' '),
    source: `${A2}; ${WIN_PRIVATE} L236–261; seed 002 (WinSync Move Action); ${PROBE_MOD}`,
    since: '389-ds-base 1.2.11',
  },
  {
    name: 'winSyncFlattenTree',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Sync behaviour',
    syntax: { kind: 'boolean', dialect: 'winsync' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'off',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'off',
        note: 'Anything but on/yes/true/1 silently means off; nothing is logged.',
      },
      modify: {
        kind: 'ignores',
        fallback: 'off',
        note: 'A value such as "bogus" gets result 0 with nothing logged and means off.',
      },
    },
    doc: [
      "When on, entries from AD are created directly under the directory subtree instead of in a copy of AD's OU",
      'structure, so the directory side does not need matching containers. Same true/false parser as',
      '`nsds7NewWinUserSyncEnabled`; `dsconf --flatten-tree` writes `on`.',
    ].join(' '),
    source: `${A2}; windows_private.c; 389ds/389-ds-base#5051, PR #5192; ${PROBE_MOD}`,
    since: '389-ds-base (2022, issue #5051 / PR #5192)',
  },
  {
    name: 'nsDS5ReplicatedAttributeList',
    entry: 'agreement',
    group: 'Sync behaviour',
    syntax: { kind: 'fractional-list' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        note: 'A malformed list (no "$ EXCLUDE", a capital letter in "objectClass") is stored with result 0 and silently excludes nothing; excluding an attribute replication cannot do without (cn, objectclass, nsuniqueid, …) makes the add fail with 53.',
      },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'A malformed list is refused with 1 (Operations error) and no text; excluding an attribute replication cannot do without with 53 "attempt to exclude an illegal attribute in a fractional agreement".',
      },
    },
    doc: [
      'Attributes left out of synchronisation, written `(objectclass=*) $ EXCLUDE attr1 attr2 …`.',
      'FreeIPA writes such a list when it creates the agreement.',
      '`nsDS5ReplicatedAttributeListTotal` is not allowed on a Windows agreement (65).',
    ].join(' '),
    source: `${A2}; ${AGMTLIST_C} modify L287–700; FreeIPA replication.py L887–897`,
  },
  {
    name: 'nsds5BeginReplicaRefresh',
    entry: 'agreement',
    group: 'Sync behaviour',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'start',
          doc: 'Starts a total update, i.e. a full resynchronisation with AD — at once on a modify, or right after the agreement is created when it is part of the add. The server removes the attribute when the run ends.',
        },
        {
          value: 'stop',
          doc: "Modify only: stops the agreement's running protocol, including an initialisation in progress.",
        },
        {
          value: 'cancel',
          doc: 'Modify only: marks a pending initialisation as finished without waiting for it.',
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        note: 'On add only `start` has an effect; any other value is stored and does nothing.',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        note: 'A value other than start/stop/cancel is refused with 53, and so is deleting the attribute yourself.',
      },
    },
    doc: [
      'A trigger rather than a setting: writing `start` re-initialises the sync, `stop` and `cancel` (modify only) halt or',
      'abandon it. Values are case-insensitive. The server deletes the attribute itself when the total update is done, so',
      'it normally only appears in modify records.',
    ].join(' '),
    source: `${A2}; ${AGMTLIST_C} modify L287–700 (start/stop/cancel, delete refused)`,
  },
  {
    name: 'nsds5ReplicaEnabled',
    entry: 'agreement',
    group: 'Sync behaviour',
    syntax: { kind: 'boolean', dialect: 'on-off' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'on',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'Refused with 53; the errors log says "Warning invalid value for nsds5ReplicaEnabled (…), value must be "on" or "off". Ignoring this repl agreement."',
      },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'Refused with 1 and the text "Invalid value for nsds5ReplicaEnabled, the value must be "on" or "off"."',
      },
    },
    doc: [
      'Turns the agreement on or off without deleting it. Only `on` and `off` are valid (any case) — unlike the winsync',
      'booleans, `true`/`yes` are errors here. `dsconf repl-winsync-agmt enable|disable` sets it.',
    ].join(' '),
    source: `${A2}; ${AGMT_C} agmt_set_enabled_from_entry; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  // ---------------------------------------------------------------- Filters
  {
    name: 'winSyncWindowsFilter',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Filters',
    syntax: { kind: 'filter', parensRequired: true },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; a broken filter only fails when the DirSync search runs.',
      },
      modify: {
        kind: 'accepts',
        note: 'A broken filter such as "(&(foo=bar)" gets result 0 with nothing logged; it fails later, at search time.',
      },
    },
    doc: [
      'Extra LDAP filter that AD entries must match to be synced, e.g. `(memberOf=cn=sync-users,ou=Groups,dc=ad,dc=example,dc=com)`.',
      'Write it with its outer parentheses: the DirSync search inserts it verbatim as `(|(isDeleted=*)<filter>)`, even',
      'though the local matching code would add missing parentheses.',
    ].join(' '),
    source: `${A2}; windows_private.c L504–529; windows_connection.c L778–794; ${PROBE_MOD}`,
  },
  {
    name: 'winSyncDirectoryFilter',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Filters',
    syntax: { kind: 'filter', parensRequired: false },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; a broken filter only fails when the directory-side search runs.',
      },
      modify: {
        kind: 'accepts',
        note: 'Text such as "not a filter" gets result 0 with nothing logged; it fails later, at search time.',
      },
    },
    doc: [
      'Extra LDAP filter that directory entries must match to be synced to AD.',
      'It is AND-ed into `(&(|(objectclass=ntuser)(objectclass=ntgroup))(ntUserDomainId=*)<filter>)`; missing outer',
      'parentheses are added by the server, but writing them is clearer.',
    ].join(' '),
    source: `${A2}; windows_private.c L471–499; windows_tot_protocol.c L72–83; ${PROBE_MOD}`,
  },
  // ---------------------------------------------------------------- Schedule
  {
    name: 'winSyncInterval',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Schedule',
    syntax: { kind: 'integer', min: 1, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    requiredOnAdd: false,
    default: '300',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        note: '`0` is ignored (the 300-second default stays); negative or huge numbers are stored with result 0 and nothing logged; non-numbers get 21.',
      },
      modify: {
        kind: 'ignores',
        note: '`0` is ignored (the previous interval stays); -5 or 99999999999 get result 0 with nothing logged; "abc" or "1.5" get 21.',
      },
    },
    doc: [
      'Seconds between two DirSync polls of Active Directory, default 300 (5 minutes).',
      'It paces how often changes are fetched from AD; directory-side changes reach AD through the normal replication',
      'changelog.',
      'Use a positive whole number — the server does not complain about negative values.',
    ].join(' '),
    source: `${A2}; windowsrepl.h L121 (PERIODIC_DIRSYNC_INTERVAL); ${WIN_PRIVATE}; ${PROBE_MOD}`,
  },
  {
    name: 'nsDS5ReplicaUpdateSchedule',
    entry: 'agreement',
    group: 'Schedule',
    syntax: { kind: 'schedule' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        note: "Accepted with result 0 and nothing logged — the add does not check the parser's answer — so a bad schedule goes unnoticed.",
      },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'Refused with 1 (Operations error, no text; errors log "Failed to update replication schedule"), although out-of-range times such as "2500-9999 9" still pass.',
      },
    },
    doc: [
      'When updates may be sent: `HHMM-HHMM DAYS`, e.g. `0800-1700 12345` (days 0–6, 0 = Sunday), one time window per',
      'value; a window cannot cross midnight. Without it, or with `*`, updates may run at any time.',
      'The server barely checks the times, so keep hours 00–23, minutes 00–59 and start before end.',
    ].join(' '),
    source: `${A2}; 389-ds-base repl5_schedule.c parse_schedule_value L613–694; lib389 agreement.py _check_interval L652–695; ${PROBE_MOD}; ${PROBE_ADD}`,
  },
  // ---------------------------------------------------------------- Debugging
  {
    name: 'nsds5debugreplicatimeout',
    entry: 'agreement',
    group: 'Debugging',
    syntax: { kind: 'text' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Read with atoi as `seconds[:level]`; nothing is checked, and non-numeric text simply reads as 0.',
      },
      modify: {
        kind: 'accepts',
        note: 'Applied at once with atoi as `seconds[:level]`; never refused, garbage reads as 0.',
      },
    },
    doc: [
      'Debugging aid written by an administrator (not a status attribute): `seconds[:errorloglevel]`, e.g. `60:8192`.',
      'When a replication operation has waited that many seconds for a reply, the server switches the errors log to the',
      'given level (default 8192, replication debugging) so the hang gets logged. Leave it unset in normal operation.',
    ].join(' '),
    source: `${A2} (MAY list); ${AGMTLIST_C} modify; repl5_connection.c repl5_set_debug_timeout`,
  },
  // ---------------------------------------------------------------- Status (server-managed)
  {
    name: 'nsds7DirsyncCookie',
    entry: 'agreement',
    onlyFor: 'windows',
    group: 'Status',
    syntax: { kind: 'binary' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored as given and sent to AD as the DirSync cookie; do not author it.',
      },
      modify: {
        kind: 'accepts',
        note: 'Stored as given; deleting it makes the next DirSync start from scratch (a full re-read of AD), and a made-up value is sent to AD as is.',
      },
    },
    doc: [
      'Opaque DirSync cookie that the server writes after every poll so the next one only fetches changes.',
      'Server-managed: copy it only when restoring an agreement verbatim. Without it the next DirSync starts from the',
      'beginning and reads the whole AD subtree again.',
    ].join(' '),
    source: `${A2}; windows_private.c L1150–1233; ${SCHEMA} (Binary)`,
  },
  {
    name: 'nsds50ruv',
    entry: 'agreement',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored as written; it is replication bookkeeping maintained by the server, so hand-written values are meaningless.',
      },
      modify: {
        kind: 'accepts',
        note: "Stored as written (the agreement accepts modifications of attributes it does not handle); editing the server's bookkeeping is unsupported.",
      },
    },
    doc: [
      'Replica update vector (RUV): which changes, per supplier replica ID, the remote side is known to have received.',
      'Maintained by the replication plug-in; leave it out of hand-written LDIF and ignore it when comparing entries.',
    ].join(' '),
    source: `${A2}; ${SCHEMA}`,
  },
  {
    name: 'nsruvReplicaLastModified',
    entry: 'agreement',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored as written; it is bookkeeping maintained by the server.',
      },
      modify: {
        kind: 'accepts',
        note: "Stored as written; editing the server's bookkeeping is unsupported.",
      },
    },
    doc: [
      'Companion of `nsds50ruv`: when each replica in the update vector last changed. Written by the server;',
      'leave it out of hand-written LDIF.',
    ].join(' '),
    source: `${A2}; ${SCHEMA}`,
  },
  statusAttribute({
    name: 'nsds5replicaChangesSentSinceStartup',
    doc: [
      'Number of changes sent since the server started, per replica ID (`rid:sent/skipped`); empty when nothing was sent.',
      'Computed by the server and returned on every read; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastUpdateStart',
    doc: [
      'Generalized time at which the last incremental update session began (`19700101000000Z` = never).',
      'Server-managed status; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastUpdateEnd',
    doc: [
      'Generalized time at which the last incremental update session ended (`19700101000000Z` = never).',
      'Server-managed status; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastUpdateStatus',
    doc: [
      "Human-readable result of the last update session, e.g. `Error (-1) … Can't contact LDAP server` when the DC is",
      'unreachable. The first place to look when sync does not work; server-managed, never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastUpdateStatusJSON',
    doc: [
      'The same last-update result as a JSON object (`state` green/amber/red, `ldap_rc`, `repl_rc`, `date`, `message`),',
      "meant for monitoring scripts. Not in the object class's MAY list; the server adds it when the entry is read.",
    ].join(' '),
    source: `ldap-server.md §3.3 (returned by 389-ds 2.3.1); installed 01core389.ldif (NO-USER-MODIFICATION); 389-ds-base ticket 49602`,
    since: '389-ds-base ticket 49602',
  }),
  statusAttribute({
    name: 'nsds5replicaUpdateInProgress',
    doc: [
      '`TRUE` while an update session is running, otherwise `FALSE`. Changes to the subtree and domain settings wait until',
      'it is `FALSE`. Server-managed; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION, Boolean syntax); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastInitStart',
    doc: [
      'Generalized time at which the last total update (re-initialisation) began; `19700101000000Z` when none has run.',
      'Server-managed; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastInitEnd',
    doc: [
      'Generalized time at which the last total update ended; `19700101000000Z` when none has run.',
      'Server-managed; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION); ldap-server.md §3.3`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastInitStatus',
    doc: [
      'Human-readable result of the last total update, e.g. whether the re-initialisation succeeded.',
      'Server-managed; never author it.',
    ].join(' '),
    source: `${A2}; ${SCHEMA} (NO-USER-MODIFICATION)`,
  }),
  statusAttribute({
    name: 'nsds5replicaLastInitStatusJSON',
    doc: [
      'JSON form of `nsds5replicaLastInitStatus`, for monitoring; appears once a total update has run.',
      "Not in the object class's MAY list; added by the server when the entry is read. Never author it.",
    ].join(' '),
    source:
      'installed 389-ds 2.3.1 01core389.ldif (NO-USER-MODIFICATION) and libreplication-plugin.so; 389-ds-base ticket 49602',
    since: '389-ds-base ticket 49602',
  }),
  {
    name: 'nsds5replicaReapActive',
    entry: 'agreement',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 65,
        note: 'Not defined in the shipped schema files nor in the object class, so writing it gets 65 like any undefined attribute.',
      },
      modify: {
        kind: 'rejects',
        code: 65,
        note: 'Refused with 65 (Object class violation), as for other attributes outside the object class.',
      },
    },
    doc: [
      "Whether the replica's tombstone reaper is running (`0` = no), added by the server to the replica and agreement",
      'entries when they are read. Pure status: drop it when turning an `ldapsearch` export into LDIF to apply.',
    ].join(' '),
    source: 'ldap-server.md §3.3 (returned by 389-ds 2.3.1 on the agreement); libreplication-plugin.so',
  },
  // ---------------------------------------------------------------- 389-DS to 389-DS agreements only
  {
    name: 'nsds5ReplicaProtocolTimeout',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'integer', min: 1, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: '0 is stored with result 0 on add (measured on 389-DS 2.3.1), although a modify refuses it; a value that is not a number gets 21.',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        note: 'Zero, a negative value, a word or an empty value is refused with 53 "attribute nsds5ReplicaProtocolTimeout value (…) is invalid, must be a number greater than zero."; a value above 2147483647 is accepted.',
      },
    },
    doc: "How long, in seconds, the agreement waits for the replication protocol to stop cleanly (when it is disabled or the server shuts down) before it breaks off. Without it the replica's setting (default 120) applies.",
    source: `${PROBE_12}; ${AGMTLIST_C}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsds5ReplicaFlowControlWindow',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'entries' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: WAIT_TIME_BAD_VALUE,
    doc: 'During a total update, how many entries may be sent without an acknowledgement from the consumer before the supplier pauses. The default is 1000.',
    source: `${PROBE_12}; ${AGMT_C}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsds5ReplicaFlowControlPause',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'milliseconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: WAIT_TIME_BAD_VALUE,
    doc: 'During a total update, how many milliseconds the supplier pauses when the flow-control window is full. The default is 2000.',
    source: `${PROBE_12}; ${AGMT_C}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicaWaitForAsyncResults',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'integer', min: -2147483648, max: 2147483647, unit: 'milliseconds' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'accepts', note: 'Any integer is accepted; zero or less means 100 ms. Non-numbers get 21.' },
      modify: { kind: 'accepts', note: 'Any integer is accepted; zero or less means 100 ms. Non-numbers get 21.' },
    },
    doc: "How long, in milliseconds, the supplier waits for the consumer's results of asynchronous operations before it checks again. Zero or less means 100.",
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsds5ReplicaIgnoreMissingChange',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Sync behaviour',
    syntax: {
      kind: 'enum',
      values: [
        { value: 'never', doc: 'A change missing from the changelog stops replication (the default).' },
        { value: 'once', doc: 'Skip one missing change, then behave as `never` again.' },
        { value: 'always', doc: 'Always skip missing changes: the consumer may silently diverge.' },
        { value: 'on', doc: 'Another spelling of `always`, accepted by 389-DS.', legacy: true },
        { value: 'off', doc: 'Another spelling of `never`, accepted by 389-DS.', legacy: true },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    default: 'never',
    serverManaged: false,
    onBadValue: {
      add: { kind: 'ignores', fallback: 'never', note: 'Any other value is stored with result 0 and means never.' },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'Anything but off, never, on, once or always (any case) is refused with 1 (Operations error).',
      },
    },
    doc: 'What the supplier of a 389-DS agreement does when a change it should send is no longer in its changelog. Skipping keeps replication going at the price of a consumer that may differ.',
    source: `${PROBE_12}; ${AGMTLIST_C}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicaBootstrapBindDN',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'dn' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'rejects', code: 21, note: 'A value that is not a DN gets 21 (Invalid syntax).' },
      modify: { kind: 'rejects', code: 21, note: 'A value that is not a DN gets 21 (Invalid syntax).' },
    },
    doc: "A second bind DN for a 389-DS agreement. It is tried when the bind with `nsDS5ReplicaBindDN` fails with 49 (e.g. while the consumer's replication manager entry is not there yet during an initialisation).",
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicaBootstrapCredentials',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: { kind: 'binary' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'accepts', note: 'Any value is stored (encrypted).' },
      modify: { kind: 'accepts', note: 'Any value is stored (encrypted).' },
    },
    doc: 'The password of `nsDS5ReplicaBootstrapBindDN`. It is stored encrypted, like `nsDS5ReplicaCredentials`; keep it out of shared files.',
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicaBootstrapBindMethod',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        { value: 'SIMPLE', doc: 'Bind with the bootstrap DN and its password.' },
        { value: 'SSLCLIENTAUTH', doc: 'Bind with the server certificate (needs LDAPS or StartTLS).' },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'ignores', note: 'Any other value is stored with result 0 and ignored.' },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'Anything but SIMPLE or SSLCLIENTAUTH is refused with 1 (Operations error).',
      },
    },
    doc: 'How the bootstrap bind of a 389-DS agreement authenticates. `SSLCLIENTAUTH` needs LDAPS or StartTLS.',
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicaBootstrapTransportInfo',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        { value: 'LDAP', doc: 'Plain LDAP, unencrypted, to the consumer.' },
        { value: 'LDAPS', doc: 'LDAP over TLS from the first byte (port 636).' },
        { value: 'StartTLS', doc: 'LDAP upgraded to TLS with StartTLS (port 389).' },
        { value: 'SSL', doc: 'An older spelling of LDAPS, still accepted.', legacy: true },
        { value: 'TLS', doc: 'An older spelling of StartTLS, still accepted.', legacy: true },
      ],
    },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'ignores', note: 'Any other value is stored with result 0 and ignored.' },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'Anything but LDAP, LDAPS, StartTLS, SSL or TLS is refused with 1 (Operations error).',
      },
    },
    doc: "The connection the bootstrap bind of a 389-DS agreement uses. Without it the agreement's own transport is used.",
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsds5ReplicaStripAttrs',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Sync behaviour',
    syntax: { kind: 'text' },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: { kind: 'accepts', note: 'Any value is stored.' },
      modify: { kind: 'accepts', note: 'Any value is stored.' },
    },
    doc: 'Attributes (separated by spaces) removed from a replicated change when, with fractional replication, nothing else of it is left to send, so that an empty change is not sent. Only 389-DS agreements take it.',
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsDS5ReplicatedAttributeListTotal',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Sync behaviour',
    syntax: { kind: 'fractional-list' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        note: 'A malformed list is stored with result 0 and silently excludes nothing; excluding an attribute replication needs is 53.',
      },
      modify: {
        kind: 'rejects',
        code: 1,
        note: 'A malformed list is refused with 1; excluding an attribute replication needs with 53.',
      },
    },
    doc: 'Like `nsDS5ReplicatedAttributeList`, but for total updates (initialisations) only. Only 389-DS agreements take it (65 on a Windows agreement).',
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
  {
    name: 'nsds5ReplicaCleanRUVNotified',
    entry: 'agreement',
    onlyFor: 'replication',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: true,
    onBadValue: {
      add: { kind: 'accepts', note: 'Stored as written.' },
      modify: { kind: 'rejects', code: 53, note: 'A plain agreement refuses any modify of it with 53 and no text.' },
    },
    doc: 'Written by a CleanAllRUV task: the replica IDs whose cleaning this agreement has passed on. Never author it.',
    source: `${PROBE_12}; ${PLAIN_SCHEMA}`,
  },
];
