/**
 * Catalog data for the FreeIPA ipa-winsync plugin entry `cn=ipa-winsync,cn=plugins,cn=config`.
 * Plain data, checked against `CatalogSchema` when the bundles are built and by the tests.
 *
 * Conventions used here:
 * - `default` is the value in effect when the attribute is absent; for attributes the plugin
 *   requires (so "absent" is not an option) it is the value FreeIPA ships in `ipa-winsync-conf.ldif`.
 * - `onBadValue.add`: the plugin registers its check for MODIFY of this DN only. An add is stored
 *   without any per-value check (the entry is an extensibleObject); the same check then runs when
 *   the plugin starts, and a failure keeps ipa-winsync from starting. Where a value is refused by
 *   that check, the add reaction is `accepts` with a note saying so.
 * - `onBadValue.modify`: the plugin validates the whole entry after the change and refuses the
 *   modify with 53 (Unwilling to perform) and an "Error: …" text when the check fails.
 *
 * Sources: anchors.md A.1 (freeipa/freeipa @ b16f3b80: daemons/ipa-slapi-plugins/ipa-winsync/
 * ipa-winsync.h, ipa-winsync-config.c validate L248–436 / apply L438–700 / per-domain refresh
 * L832–1092, ipa-winsync-conf.ldif, install/updates/10-config.update, 20-dna.update), the IdM guide
 * §15.5.3 Table 15.3 (shared/seeds/000_*.txt) and ldap-server.md §4.4.
 */
import type { z } from 'zod';
import type { AttributeSchema, EntryKindSpecSchema } from './schema';

type AttributeInput = z.input<typeof AttributeSchema>;
type EntryKindInput = z.input<typeof EntryKindSpecSchema>;

const CONFIG_C = 'freeipa daemons/ipa-slapi-plugins/ipa-winsync/ipa-winsync-config.c';
const CONF_LDIF = 'freeipa daemons/ipa-slapi-plugins/ipa-winsync/ipa-winsync-conf.ldif';

/** The optional (in)activated-group filters: never parsed, only searched with. */
function groupFilterBadValue(group: 'activated' | 'inactivated'): AttributeInput['onBadValue'] {
  return {
    add: {
      kind: 'accepts',
      note: 'Stored without any check; the plug-in never parses it, and a filter that finds no group is reported in the errors log only.',
    },
    modify: {
      kind: 'accepts',
      note: `Any text passes; if it matches no group the errors log says "Could not find the DN of the ${group} users group … Ignoring" and the plug-in skips the rest of its per-domain set-up.`,
    },
  };
}

export const ipaWinsyncEntryKind: EntryKindInput = {
  kind: 'ipa-winsync',
  title: 'FreeIPA ipa-winsync plugin configuration',
  doc: [
    'The configuration entry `cn=ipa-winsync,cn=plugins,cn=config` of the FreeIPA winsync plug-in, which adds the IPA-specific',
    'attributes (object classes, POSIX IDs, home directory, realm, account lock) to users coming from Active Directory.',
    'It carries `objectClass: extensibleObject`, so the server stores *any* attribute on it without a schema check: a misspelt',
    '`ipaWinSync…` name is accepted and then silently ignored by the plug-in. The plug-in validates the whole entry on every',
    'modify and refuses a bad change with result 53; MODRDN and DELETE of the entry are always refused with 53.',
    'FreeIPA creates the entry at install time (precedence 60, after the 389 POSIX winsync plug-in); on a plain 389-DS server',
    'an add fails with 53 "Invalid plugin path" because `libipa_winsync` is not installed.',
  ].join(' '),
  otherAllowed: [
    'objectClass',
    'cn',
    'nsslapd-pluginPath',
    'nsslapd-pluginInitFunc',
    'nsslapd-pluginType',
    'nsslapd-pluginEnabled',
    'nsslapd-plugin-depends-on-type',
    'nsslapd-plugin-depends-on-named',
    'nsslapd-pluginId',
    'nsslapd-pluginVersion',
    'nsslapd-pluginVendor',
    'nsslapd-pluginDescription',
    'nsslapd-pluginPrecedence',
    'nsslapd-pluginConfigArea',
    'nsslapd-pluginLoadNow',
    'nsslapd-pluginLoadGlobal',
    'nsslapd-pluginbetxn',
    'nsslapd-schemaCheck',
    'nsslapd-logAccess',
    'nsslapd-logAudit',
    'nsslapd-targetSubtree',
    'nsslapd-exclude-targetSubtree',
    'nsslapd-bindSubtree',
    'nsslapd-exclude-bindSubtree',
    'nsslapd-invokeForReplOp',
  ],
  acceptsAnyAttribute: true,
  ownPrefixes: ['ipaWinSync'],
  objectClasses: [
    { name: 'top', doc: 'The root of every object class.' },
    { name: 'nsSlapdPlugin', doc: 'Makes the entry a 389-DS plug-in definition (path, init function, type, enabled).' },
    {
      name: 'extensibleObject',
      doc: 'Lets the entry hold any attribute without a schema check. FreeIPA relies on it for the `ipaWinSync*` settings, which no schema defines; it is also why a misspelt setting is stored without complaint.',
    },
  ],
};

export const ipaWinsyncAttributes: AttributeInput[] = [
  // ---------------------------------------------------------------- General user account
  {
    name: 'ipaWinSyncNewEntryFilter',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'filter', parensRequired: true },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: '(cn=ipaConfig)',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; the plug-in never parses the filter, so a broken one only shows up later as an "Error … searching for base … filter …" line in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any text passes the plug-in check (only presence is tested, deleting it is refused with 53 "Error: no value given for ipaWinSyncNewEntryFilter"); a broken filter fails later as an internal search error in the errors log.',
      },
    },
    doc: [
      'LDAP filter that finds the IPA configuration entry serving as the template for new users (FreeIPA: `(cn=ipaConfig)`).',
      "The plug-in searches for it below the agreement's directory subtree, walking up towards the suffix, and reads the",
      'object-class list, home-directory prefix, login shell and default group name from that one entry.',
      'It must match exactly one entry; if it matches none, synced users do not get their IPA attributes and the errors log',
      'says the template entry could not be found.',
    ].join(' '),
    source: `${CONFIG_C} L248–436 (validate), L832–1092 (refresh); ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncNewUserOCAttr',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'attribute-name' },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: 'ipauserobjectclasses',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; if the template entry has no such attribute, the errors log reports that the new-user object-class list could not be found.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncNewUserOCAttr"); a wrong name surfaces as "could not find the entry containing the new user objectclass list" in the errors log.',
      },
    },
    doc: [
      'Name of the attribute, in the template entry found by `ipaWinSyncNewEntryFilter`, whose values are the object classes',
      'given to a user created from Active Directory (FreeIPA: `ipaUserObjectClasses` in `cn=ipaConfig`).',
      'The value is an attribute *name*, not a list of object classes.',
    ].join(' '),
    source: `${CONFIG_C} L248–436, L832–1092; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncHomeDirAttr',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'attribute-name' },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: 'ipaHomesRootDir',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; a name the template entry lacks makes the per-domain set-up stop with "could not find the entry containing the home directory prefix" in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncHomeDirAttr"); a wrong name surfaces later in the errors log, not in the LDAP result.',
      },
    },
    doc: [
      'Name of the template-entry attribute holding the home-directory root (FreeIPA: `ipaHomesRootDir`, typically `/home`).',
      'A synced user gets `homeDirectory` = that root + `/` + uid.',
      'FreeIPA\'s shipped LDIF spells the attribute `ipaWinsyncHomeDirAttr` (lower-case "s"); names are case-insensitive,',
      'so both spellings are the same attribute.',
    ].join(' '),
    source: `${CONFIG_C} L248–436, L832–1092; ${CONF_LDIF} (spelled ipaWinsyncHomeDirAttr); seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncLoginShellAttr',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'attribute-name' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'ipaDefaultLoginShell',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; if the template entry lacks the attribute, users get no login shell and the errors log warns "no login shell configured!".',
      },
      modify: {
        kind: 'accepts',
        note: 'Never refused: even deleting it succeeds, with the result text "Warning: no value given for ipaWinSyncLoginShellAttr"; a wrong name only leads to "Warning: no login shell configured!" in the errors log.',
      },
    },
    doc: [
      'Name of the template-entry attribute holding the default login shell for synced users (FreeIPA: `ipaDefaultLoginShell`).',
      'Optional: without it the plug-in still works, but new users get no `loginShell` from the template.',
      "Not listed in the IdM guide's Table 15.3; FreeIPA's LDIF spells it `ipaWinsyncLoginShellAttr`, which is the same",
      'attribute because names are case-insensitive.',
    ].join(' '),
    source: `${CONFIG_C} L248–436 (warning only), L832–1092; ${CONF_LDIF} (spelled ipaWinsyncLoginShellAttr)`,
    inSeedTable: false,
  },
  {
    name: 'ipaWinSyncUserAttr',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'attr-value' },
    multiValued: true,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without a check at add time; the plug-in\'s start-up check then fails on it and ipa-winsync does not start ("Failed to start … plugin ipa-winsync" in the errors log).',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        note: 'Refused with 53: a value without "name SPACE value" gets "correct format is attrname SPACE value", and an attribute name unknown to the server schema gets "attribute is not in server schema".',
      },
    },
    doc: [
      'Adds a fixed attribute value to every user created from Active Directory; one value per line, written as',
      '`attributeName value` — the name runs up to the first space, everything after it (spaces included) is the value.',
      'The value is only applied when the synced entry does not already have that attribute; repeat the line to add several.',
      'FreeIPA ships `uidNumber 999` and `gidNumber 999`, which its `20-dna.update` rewrites to `-1`, the DNA "magic" value',
      'that makes the DNA plug-in assign real IDs.',
    ].join(' '),
    source: `${CONFIG_C} L345–378 (format and schema check); ${CONF_LDIF}; freeipa install/updates/20-dna.update; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncForceSync',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'boolean', dialect: 'slapi' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'false',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'false',
        note: 'Never refused; a word that is not on/off/true/false/yes/no/1/0 (or a prefix of one) is read as a number, and non-numeric text counts as false.',
      },
      modify: {
        kind: 'ignores',
        fallback: 'false',
        note: 'Never refused and nothing is logged; an unrecognised word is read as the number 0, i.e. false.',
      },
    },
    doc: [
      'When true, an existing IdM user whose `uid` equals the `sAMAccountName` of an AD user is taken over by sync: the plug-in',
      "adds `ntUser` and `ntUserDomainId` to it so the two accounts are linked. When false (the plug-in's value if the",
      "attribute is absent), such pre-existing IdM users are left out of sync. FreeIPA's shipped entry sets it to `true`.",
      'Read with the lenient slapi boolean parser, so a typo silently means false.',
    ].join(' '),
    source: `${CONFIG_C} apply L438–700 (absent ⇒ false, L459); ldap/servers/slapd/entry.c slapi_entry_attr_get_bool_ext L2814–2847; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncUserFlatten',
    entry: 'ipa-winsync',
    group: 'General user account',
    syntax: { kind: 'boolean', dialect: 'slapi' },
    multiValued: false,
    requiredOnAdd: false,
    default: 'true',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'false',
        note: 'Never refused; an unrecognised word is read as the number 0, so a typo turns flattening off although the default is on.',
      },
      modify: {
        kind: 'ignores',
        fallback: 'false',
        note: 'Never refused and nothing is logged; a typo silently flips the default (true) to false.',
      },
    },
    doc: [
      "When true (the plug-in default and FreeIPA's shipped value), users created from AD are placed directly under the",
      "agreement's directory subtree, keeping only their RDN, instead of recreating AD's container hierarchy.",
      "Not listed in the IdM guide's Table 15.3. Parsed with the lenient slapi boolean reader: anything it does not recognise",
      'counts as false, so a misspelt value quietly disables flattening.',
    ].join(' '),
    source: `${CONFIG_C} L127, L443 (absent ⇒ true); freeipa ipa-winsync.c L426–455; ${CONF_LDIF}`,
    inSeedTable: false,
  },
  // ---------------------------------------------------------------- User account lock
  {
    name: 'ipaWinSyncAcctDisable',
    entry: 'ipa-winsync',
    group: 'User account lock',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'none',
          doc: "Account lock state is not synchronised at all: disabling a user on one side leaves the other side's account active.",
        },
        {
          value: 'to_ad',
          doc: 'One way, IdM → AD: locking a user in IdM disables the AD account and overrides the AD setting; disabling done in AD is not copied to IdM.',
        },
        {
          value: 'to_ds',
          doc: 'One way, AD → IdM (the directory server, "ds"): disabling an account in AD locks the IdM user; locks set in IdM are not pushed to AD.',
        },
        {
          value: 'both',
          doc: "Default and FreeIPA's shipped value: lock state is synchronised in both directions.",
        },
      ],
    },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: 'both',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without a check at add time; the start-up check then refuses it and ipa-winsync does not start ("Failed to start … plugin ipa-winsync" in the errors log).',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        note: 'Refused with 53 and "Error: invalid value [x] given for [ipaWinSyncAcctDisable] - valid values are none, to_ad, to_ds, or both"; deleting it is refused the same way.',
      },
    },
    doc: [
      'Chooses the direction in which account lock (disabled) state is synchronised between IdM and Active Directory.',
      'The plug-in compares the value case-insensitively and refuses anything other than the four listed values.',
      'With any value other than `none`, the plug-in also reads the optional (in)activated-group filters.',
    ].join(' '),
    source: `${CONFIG_C} L159–177 (parse_acct_disable, PL_strcasecmp), L248–436; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncInactivatedFilter',
    entry: 'ipa-winsync',
    group: 'User account lock',
    syntax: { kind: 'filter', parensRequired: true },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: groupFilterBadValue('inactivated'),
    doc: [
      'Optional LDAP filter for a group that holds disabled users; only read when `ipaWinSyncAcctDisable` is not `none`.',
      'FreeIPA stopped shipping it in 2011 (commit 09dd05b49 "Make activated/inactivated groups optional"): without it the',
      'plug-in sets `nsAccountLock` on the user directly, which is what current FreeIPA does.',
      'The default `(&(cn=inactivated)(objectclass=groupOfNames))` quoted by the IdM guide is that old shipped value, not',
      'something the plug-in falls back to.',
    ].join(' '),
    source: `${CONFIG_C} L248–436 (optional), refresh L832–1092; freeipa commit 09dd05b49; seed Table 15.3 (stale default)`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncActivatedFilter',
    entry: 'ipa-winsync',
    group: 'User account lock',
    syntax: { kind: 'filter', parensRequired: true },
    multiValued: false,
    requiredOnAdd: false,
    serverManaged: false,
    onBadValue: groupFilterBadValue('activated'),
    doc: [
      'Optional LDAP filter for a group that holds active users, the counterpart of `ipaWinSyncInactivatedFilter`; only read',
      'when `ipaWinSyncAcctDisable` is not `none`.',
      'No longer shipped by FreeIPA (since commit 09dd05b49, 2011); lock state is then kept in `nsAccountLock` directly.',
      "The IdM guide's default `(&(cn=activated)(objectclass=groupOfNames))` is the historical value, not a built-in fallback.",
    ].join(' '),
    source: `${CONFIG_C} L248–436 (optional), refresh L832–1092; freeipa commit 09dd05b49; seed Table 15.3 (stale default)`,
    inSeedTable: true,
  },
  // ---------------------------------------------------------------- Group
  {
    name: 'ipaWinSyncDefaultGroupAttr',
    entry: 'ipa-winsync',
    group: 'Group',
    syntax: { kind: 'attribute-name' },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: 'ipaDefaultPrimaryGroup',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; a name the template entry lacks stops the per-domain set-up with "could not find the entry containing the default group name" in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncDefaultGroupAttr"); a wrong name surfaces later in the errors log.',
      },
    },
    doc: [
      'Name of the template-entry attribute that holds the *name* of the default primary group for synced users',
      '(FreeIPA: `ipaDefaultPrimaryGroup`, normally `ipausers`).',
      'The plug-in then looks that group up with `ipaWinSyncDefaultGroupFilter` to find its `gidNumber`.',
    ].join(' '),
    source: `${CONFIG_C} L248–436, L984–1000; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncDefaultGroupFilter',
    entry: 'ipa-winsync',
    group: 'Group',
    syntax: { kind: 'filter-list' },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: '(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; the plug-in pastes it into a larger filter, so a malformed value only fails as an internal search error in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncDefaultGroupFilter"); a malformed value fails later as a search error in the errors log.',
      },
    },
    doc: [
      'Extra filter terms used to find the default group: the plug-in builds `(&(cn=<group name>)<this value>)`, so the value',
      'is a run of parenthesised filters (RFC 4515 `filterlist`), **not** one complete filter.',
      'The default in the IdM guide, `(&(gidNumber=*)(objectclass=posixGroup)(cn=groupAttr_value))`, is the resulting',
      'effective filter; what is stored is `(gidNumber=*)(objectclass=posixGroup)(objectclass=groupOfNames)`.',
      'If no group matches, users get no default `gidNumber` (fatal for the entry only when user-private groups are disabled).',
    ].join(' '),
    source: `${CONFIG_C} L984 ("(&(cn=%s)%s)"), L989–1000; ${CONF_LDIF}; seed Table 15.3 (effective filter shown as default)`,
    inSeedTable: true,
  },
  // ---------------------------------------------------------------- Realm
  {
    name: 'ipaWinSyncRealmFilter',
    entry: 'ipa-winsync',
    group: 'Realm',
    syntax: { kind: 'filter', parensRequired: true },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: '(objectclass=krbRealmContainer)',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; the plug-in never parses the filter, so a broken one only shows up as a search error in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncRealmFilter"); a broken filter surfaces as "could not find the entry containing the realm name" or a search error in the errors log.',
      },
    },
    doc: [
      'LDAP filter that finds the Kerberos realm entry (FreeIPA: `(objectclass=krbRealmContainer)`).',
      "The plug-in searches from the agreement's directory subtree and moves one level up at a time until an entry matches;",
      'the realm name taken from it (see `ipaWinSyncRealmAttr`) is used to build principal names for synced users.',
      'Only the first value is used.',
    ].join(' '),
    source: `${CONFIG_C} L248–436, refresh L832–1092; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
  {
    name: 'ipaWinSyncRealmAttr',
    entry: 'ipa-winsync',
    group: 'Realm',
    syntax: { kind: 'attribute-name' },
    multiValued: false,
    requiredOnAdd: true,
    requiredAlways: true,
    default: 'cn',
    serverManaged: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Stored without any check; a name missing from the realm entry leads to "could not find the entry containing the realm name" in the errors log.',
      },
      modify: {
        kind: 'accepts',
        note: 'Only presence is checked (deleting it is refused with 53 "Error: no value given for ipaWinSyncRealmAttr"); a wrong name surfaces later in the errors log.',
      },
    },
    doc: [
      'Name of the attribute in the realm entry (found by `ipaWinSyncRealmFilter`) that holds the Kerberos realm name.',
      'FreeIPA uses `cn`, because its realm container is `cn=<REALM>,cn=kerberos,<suffix>`.',
      'If the realm entry lacks that attribute, the plug-in stops its per-domain set-up and synced users miss their IPA attributes.',
    ].join(' '),
    source: `${CONFIG_C} L248–436, refresh L832–1092; ${CONF_LDIF}; seed Table 15.3`,
    inSeedTable: true,
  },
];
