/**
 * The record snippets, as a spec: literal LDIF around parts the builder fills from the catalog
 * (canonical names, enum choices, defaults). Completion offers them where a record starts;
 * `npx tsx scripts/generate-snippets.ts` writes them to snippets/ldif.json for Insert Snippet.
 * test/snippets/snippets.test.ts checks that file is current and that every snippet, expanded
 * with its defaults, validates without errors.
 */
import {
  attr,
  catalogDefault,
  choice,
  dnValue,
  l,
  mirror,
  text,
  type Line,
  type Part,
  type SnippetSpec,
} from './parts';

const PLUGIN_DN = 'cn=ipa-winsync,cn=plugins,cn=config';

// Example values for what only the user knows. They must be plausible: the snippet test
// validates each snippet expanded with them.
const SUFFIX = 'dc=example,dc=com';
const AD_HOST = 'dc1.ad.example.com';
const AD_DOMAIN = 'ad.example.com';
const AD_USERS = 'cn=Users,dc=ad,dc=example,dc=com';
const AD_BIND_DN = 'cn=administrator,cn=Users,dc=ad,dc=example,dc=com';
// What ipa-replica-manage excludes from replication (freeipa ipaserver/install/replication.py EXCLUDES).
const IPA_EXCLUDES = 'memberof idnssoaserial entryusn krblastsuccessfulauth krblastfailedauth krbloginfailedcount';

/** `replace: A` / `A: value` / `-`. */
function replace(name: string, value: Part): Line[] {
  return [l`replace: ${attr(name)}`, l`${attr(name)}: ${value}`, l`-`];
}

function pluginModify(...modSpecs: Line[][]): Line[] {
  return [l`dn: ${PLUGIN_DN}`, l`changetype: modify`, ...modSpecs.flat()];
}

/**
 * The start of a change to an existing agreement. Tab stop 1 is the replicated suffix, typed
 * once in plain form in a comment; the DN gets it escaped as the suffix RDN. Tab stop 2 is the
 * agreement name, so change-specific tab stops start at 3.
 */
function agreementDn(): Line[] {
  return [
    l`# Agreement on suffix ${text(1, SUFFIX)}`,
    l`dn: cn=${text(2, `meTo${AD_HOST}`)},cn=replica,cn=${dnValue(1)},cn=mapping tree,cn=config`,
  ];
}

function agreementModify(...modSpecs: Line[][]): Line[] {
  return [...agreementDn(), l`changetype: modify`, ...modSpecs.flat()];
}

export const SNIPPETS: readonly SnippetSpec[] = [
  // ------------------------------------------------------------ ipa-winsync plug-in entry (IdM guide Table 15.3)
  {
    name: 'ipa-winsync: account lock sync',
    prefix: 'winsync-plugin-account-lock',
    description:
      'Modify cn=ipa-winsync: ipaWinSyncAcctDisable, the direction in which account lock (disabled) state is synchronised. Applies to every sync agreement on this server.',
    body: pluginModify(replace('ipaWinSyncAcctDisable', choice(1, 'ipaWinSyncAcctDisable'))),
  },
  {
    name: 'ipa-winsync: account lock sync with (in)activated groups',
    prefix: 'winsync-plugin-account-lock-groups',
    description:
      'Modify cn=ipa-winsync: lock sync direction plus the optional filters for the groups of inactivated and activated users. Current FreeIPA does not use the groups (it sets nsAccountLock directly); only add them for the old group-based scheme.',
    body: pluginModify(
      replace('ipaWinSyncAcctDisable', choice(1, 'ipaWinSyncAcctDisable')),
      replace('ipaWinSyncInactivatedFilter', text(2, '(&(cn=inactivated)(objectclass=groupOfNames))')),
      replace('ipaWinSyncActivatedFilter', text(3, '(&(cn=activated)(objectclass=groupOfNames))')),
    ),
  },
  {
    name: 'ipa-winsync: force sync',
    prefix: 'winsync-plugin-force-sync',
    description:
      'Modify cn=ipa-winsync: ipaWinSyncForceSync. When true, an existing IdM user whose uid equals an AD sAMAccountName is linked to that AD user (ntUser and ntUserDomainId are added); when false such users stay out of sync.',
    // FreeIPA ships true; the plug-in's own default when absent is false.
    body: pluginModify(replace('ipaWinSyncForceSync', choice(1, 'ipaWinSyncForceSync', 'true'))),
  },
  {
    name: 'ipa-winsync: user attribute for new users',
    prefix: 'winsync-plugin-user-attr',
    description:
      'Modify cn=ipa-winsync: add an ipaWinSyncUserAttr value, written "attributeName value" (name, one space, value). Users created from AD get it unless they already have the attribute; repeat the line for more. The attribute must exist in the server schema or the modify is refused (53).',
    body: pluginModify([
      l`add: ${attr('ipaWinSyncUserAttr')}`,
      l`${attr('ipaWinSyncUserAttr')}: ${text(1, 'loginShell')} ${text(2, '/bin/bash')}`,
      l`-`,
    ]),
  },
  {
    name: 'ipa-winsync: realm',
    prefix: 'winsync-plugin-realm',
    description:
      'Modify cn=ipa-winsync: the filter that finds the Kerberos realm entry (ipaWinSyncRealmFilter) and the attribute holding the realm name (ipaWinSyncRealmAttr). Both are required; the values offered are the FreeIPA defaults.',
    body: pluginModify(
      replace('ipaWinSyncRealmFilter', catalogDefault(1, 'ipaWinSyncRealmFilter')),
      replace('ipaWinSyncRealmAttr', catalogDefault(2, 'ipaWinSyncRealmAttr')),
    ),
  },
  {
    name: 'ipa-winsync: default group',
    prefix: 'winsync-plugin-default-group',
    description:
      'Modify cn=ipa-winsync: the template attribute naming the default primary group (ipaWinSyncDefaultGroupAttr) and the filter terms that find that group (ipaWinSyncDefaultGroupFilter, a run of filters that the plug-in wraps as (&(cn=<group>)<terms>)).',
    body: pluginModify(
      replace('ipaWinSyncDefaultGroupAttr', catalogDefault(1, 'ipaWinSyncDefaultGroupAttr')),
      replace('ipaWinSyncDefaultGroupFilter', catalogDefault(2, 'ipaWinSyncDefaultGroupFilter')),
    ),
  },
  {
    name: 'ipa-winsync: new-entry template',
    prefix: 'winsync-plugin-new-entry',
    description:
      'Modify cn=ipa-winsync: the filter that finds the template entry for new users (ipaWinSyncNewEntryFilter) and the template attribute listing their object classes (ipaWinSyncNewUserOCAttr). The values offered are the FreeIPA defaults.',
    body: pluginModify(
      replace('ipaWinSyncNewEntryFilter', catalogDefault(1, 'ipaWinSyncNewEntryFilter')),
      replace('ipaWinSyncNewUserOCAttr', catalogDefault(2, 'ipaWinSyncNewUserOCAttr')),
    ),
  },
  {
    name: 'ipa-winsync: home directory and login shell',
    prefix: 'winsync-plugin-home-shell',
    description:
      'Modify cn=ipa-winsync: the template attributes holding the home-directory root (ipaWinSyncHomeDirAttr, required) and the default login shell (ipaWinSyncLoginShellAttr) for users created from AD.',
    body: pluginModify(
      replace('ipaWinSyncHomeDirAttr', catalogDefault(1, 'ipaWinSyncHomeDirAttr')),
      replace('ipaWinSyncLoginShellAttr', catalogDefault(2, 'ipaWinSyncLoginShellAttr')),
    ),
  },
  // ------------------------------------------------------------ Windows sync agreement
  {
    name: 'Windows sync agreement (as ipa-replica-manage connect --winsync creates it)',
    prefix: 'winsync-agreement',
    description:
      'Add a Windows sync agreement with the attributes ipa-replica-manage connect --winsync writes. Type the replicated suffix first: when you press Tab it is written escaped into the DN (cn=dc\\3Dexample\\2Cdc\\3Dcom). The local replica must be a supplier. FreeIPA also needs the AD CA certificate and, for password sync, PassSync on the AD side.',
    body: [
      l`dn: cn=meTo${mirror(2)},cn=replica,cn=${dnValue(1)},cn=mapping tree,cn=config`,
      l`changetype: add`,
      l`objectClass: nsDSWindowsReplicationAgreement`,
      l`cn: meTo${mirror(2)}`,
      l`${attr('nsDS5ReplicaHost')}: ${text(2, AD_HOST)}`,
      l`${attr('nsDS5ReplicaPort')}: ${text(3, '389')}`,
      l`${attr('nsds5ReplicaTimeout')}: ${text(4, '120')}`,
      l`${attr('nsDS5ReplicaRoot')}: ${text(1, SUFFIX)}`,
      l`description: me to ${mirror(2)}`,
      l`${attr('nsDS5ReplicatedAttributeList')}: (objectclass=*) $ EXCLUDE ${text(5, IPA_EXCLUDES)}`,
      l`${attr('nsDS5ReplicaBindDN')}: ${text(6, AD_BIND_DN)}`,
      l`${attr('nsDS5ReplicaCredentials')}: ${text(7, 'Windows-secret')}`,
      // ipa-replica-manage writes TLS (StartTLS) on port 389 and a simple bind.
      l`${attr('nsDS5ReplicaTransportInfo')}: ${choice(8, 'nsDS5ReplicaTransportInfo', 'TLS')}`,
      l`${attr('nsDS5ReplicaBindMethod')}: ${choice(9, 'nsDS5ReplicaBindMethod')}`,
      l`${attr('nsds7WindowsReplicaSubtree')}: ${text(10, AD_USERS)}`,
      l`${attr('nsds7DirectoryReplicaSubtree')}: cn=users,cn=accounts,${mirror(1)}`,
      l`${attr('nsds7NewWinUserSyncEnabled')}: ${choice(11, 'nsds7NewWinUserSyncEnabled', 'true')}`,
      l`${attr('nsds7NewWinGroupSyncEnabled')}: ${choice(12, 'nsds7NewWinGroupSyncEnabled', 'false')}`,
      l`${attr('nsds7WindowsDomain')}: ${text(13, AD_DOMAIN)}`,
    ],
  },
  {
    name: 'Windows sync agreement: one-way sync',
    prefix: 'winsync-agreement-one-way',
    description:
      'Modify an agreement: oneWaySync makes sync one-directional (fromWindows: AD to IdM, toWindows: IdM to AD). Changes on the other side are not blocked; they are overwritten at the next sync. Delete the attribute to sync both ways again.',
    body: agreementModify(replace('oneWaySync', choice(3, 'oneWaySync'))),
  },
  {
    name: 'Windows sync agreement: move action',
    prefix: 'winsync-agreement-move-action',
    description:
      'Modify an agreement: winSyncMoveAction, what happens to the IdM entry when its AD entry is found outside the synced subtree (none: nothing; delete: delete it, even if it was never in sync; unsync: remove the sync object classes).',
    body: agreementModify(replace('winSyncMoveAction', choice(3, 'winSyncMoveAction'))),
  },
  {
    name: 'Windows sync agreement: change the Windows subtree',
    prefix: 'winsync-agreement-windows-subtree',
    description:
      'Modify an agreement: nsds7WindowsReplicaSubtree, the AD subtree holding the users to sync. Takes effect immediately, or when a running sync finishes.',
    body: agreementModify(replace('nsds7WindowsReplicaSubtree', text(3, AD_USERS))),
  },
  {
    name: 'Windows sync agreement: enable or disable',
    prefix: 'winsync-agreement-enable',
    description:
      'Modify an agreement: nsds5ReplicaEnabled switches it off or back on without deleting it. Only "on" and "off" are accepted.',
    // Agreements are enabled by default, so the change one usually makes is to switch one off.
    body: agreementModify(replace('nsds5ReplicaEnabled', choice(3, 'nsds5ReplicaEnabled', 'off'))),
  },
  {
    name: 'Windows sync agreement: delete',
    prefix: 'winsync-agreement-delete',
    description:
      'Delete a Windows sync agreement, which stops synchronisation with that AD domain controller. On FreeIPA, ipa-replica-manage disconnect <AD host> does this and also cleans up; remove the imported AD CA certificate afterwards.',
    body: [...agreementDn(), l`changetype: delete`],
  },
  {
    name: 'Windows sync agreement: subtree pair',
    prefix: 'winsync-agreement-subtree-pair',
    description:
      'Modify an agreement: add a winSyncSubtreePair "<IdM subtree>:<AD subtree>". Once any pair is set, nsds7DirectoryReplicaSubtree and nsds7WindowsReplicaSubtree are ignored. Neither DN may contain a colon.',
    body: agreementModify([
      l`add: ${attr('winSyncSubtreePair')}`,
      l`${attr('winSyncSubtreePair')}: ${text(3, 'cn=users,cn=accounts')},${mirror(1)}:${text(4, AD_USERS)}`,
      l`-`,
    ]),
  },
  {
    name: 'Windows sync agreement: sync interval',
    prefix: 'winsync-agreement-interval',
    description: 'Modify an agreement: winSyncInterval, the number of seconds between two polls of AD for changes.',
    body: agreementModify(replace('winSyncInterval', catalogDefault(3, 'winSyncInterval'))),
  },
  // ------------------------------------------------------------ 389-DS replication agreement
  {
    name: '389-DS replication agreement (to another IdM or 389-DS server)',
    prefix: 'winsync-replication-agreement',
    description:
      'Add a 389-DS to 389-DS replication agreement, as IdM keeps between its own servers beside its Windows sync agreements. It takes the nsDS5Replica* settings but none of the Windows ones (nsds7*, winSync*, oneWaySync: 389-DS refuses them with 65). The consumer needs a replica and a replication manager entry.',
    body: [
      l`dn: cn=meTo${mirror(2)},cn=replica,cn=${dnValue(1)},cn=mapping tree,cn=config`,
      l`changetype: add`,
      l`objectClass: nsds5ReplicationAgreement`,
      l`cn: meTo${mirror(2)}`,
      l`${attr('nsDS5ReplicaHost')}: ${text(2, 'ipa2.example.com')}`,
      l`${attr('nsDS5ReplicaPort')}: ${text(3, '389')}`,
      l`${attr('nsDS5ReplicaRoot')}: ${text(1, SUFFIX)}`,
      l`${attr('nsDS5ReplicaTransportInfo')}: ${choice(4, 'nsDS5ReplicaTransportInfo', 'StartTLS')}`,
      l`${attr('nsDS5ReplicaBindMethod')}: ${choice(5, 'nsDS5ReplicaBindMethod')}`,
      l`${attr('nsDS5ReplicaBindDN')}: ${text(6, 'cn=replication manager,cn=config')}`,
      l`${attr('nsDS5ReplicaCredentials')}: ${text(7, 'Replication-secret')}`,
      l`description: me to ${mirror(2)}`,
    ],
  },
];
