/**
 * Catalog data for plain 389-DS replication agreements (`objectClass: nsds5ReplicationAgreement`,
 * 389-to-389 replication, which IdM admins manage beside winsync), and for an agreement whose
 * kind a record does not say. The attributes both kinds share are in `agreement.data.ts`
 * (`alsoOn: ['replication-agreement']`); here are those only a plain agreement carries.
 *
 * `onBadValue` follows the live probe of issue 12 against 389-ds-base 2.3.1 (both kinds, add and
 * modify, every attribute) and the sources it names: repl5_agmt.c agmt_new_from_entry,
 * repl5_agmtlist.c agmtlist_modify_callback, replutil.c repl_config_valid_num. Syntaxes and
 * single/multi-value come from the installed 2.3.1 schema (01core389.ldif).
 */
import type { z } from 'zod';
import type { AttributeSchema, EntryKindSpecSchema, ReactionSchema } from './schema';
import { AFTER_REFUSED_AGREEMENT_MODIFY } from './agreement.data';

type AttributeInput = z.input<typeof AttributeSchema>;
type EntryKindInput = z.input<typeof EntryKindSpecSchema>;
type ReactionInput = z.input<typeof ReactionSchema>;

const PROBE_12 = 'probe of 389-DS 2.3.1 for issue 12 (notes/probe/findings.md, sections A and E)';
const AGMT_C = '389-ds-base ldap/servers/plugins/replication/repl5_agmt.c agmt_new_from_entry';
const AGMTLIST_C = '389-ds-base ldap/servers/plugins/replication/repl5_agmtlist.c agmtlist_modify_callback';
const SCHEMA = '389-ds-base ldap/schema/01core389.ldif (nsds5ReplicationAgreement, 2.16.840.1.113730.3.2.103)';

/** Object classes, shared by the plain kind and the kind a record does not say. */
const PLAIN_CLASS = {
  name: 'nsds5ReplicationAgreement',
  doc: 'Makes the entry a plain 389-DS replication agreement: the replication plug-in sends changes of the replicated suffix to another 389-DS (a consumer). Its only required attribute is `cn`; winsync settings (`nsds7…`, `winSync…`, `oneWaySync`) are not allowed on it.',
};
const WINDOWS_CLASS = {
  name: 'nsDSWindowsReplicationAgreement',
  doc: 'Makes the entry a Windows sync agreement (winsync with Active Directory).',
};
const TOP_CLASS = {
  name: 'top',
  doc: 'The root of every object class; FreeIPA leaves it out, lib389 writes it. Either way works.',
};

export const replicationAgreementEntryKind: EntryKindInput = {
  kind: 'replication-agreement',
  title: 'replication agreement (nsds5ReplicationAgreement)',
  doc: [
    'A plain 389-DS replication agreement: `objectClass: nsds5ReplicationAgreement`, usually stored as',
    '`cn=<name>,cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config`; the server runs it anywhere under',
    '`cn=mapping tree,cn=config` and finds its replica from `nsDS5ReplicaRoot`. An add needs host, port, replicated',
    'suffix and — for SIMPLE or DIGEST-MD5 binds — bind DN and password (53, no text, otherwise). Attributes outside the',
    'object class are refused with 65 on add; a modify of any attribute its modify handler does not know (winsync',
    'settings, `nsDS5ReplicaRoot`, the update vector) is refused with 53 and no text. A refused modify may still have',
    'changed the running agreement.',
  ].join(' '),
  otherAllowed: ['objectClass', 'cn', 'description'],
  acceptsAnyAttribute: false,
  ownPrefixes: [],
  objectClasses: [{ ...PLAIN_CLASS, identifies: true }, TOP_CLASS],
  foreignAttribute: {
    add: {
      kind: 'rejects',
      code: 65,
      note: 'nsds5ReplicationAgreement does not allow it, so 389-DS refuses the add with 65 (Object class violation).',
    },
    modify: {
      kind: 'rejects',
      code: 53,
      note: 'A plain agreement refuses a modify of an attribute its handler does not know with 53 and no text (the errors log says "Modification of … attribute is not allowed").',
    },
  },
  afterRefusedModify: AFTER_REFUSED_AGREEMENT_MODIFY,
};

export const anyAgreementEntryKind: EntryKindInput = {
  kind: 'any-agreement',
  title: 'replication agreement (Windows or plain: the record does not say which)',
  doc: [
    'A change to an existing replication agreement that names only what both kinds share (`nsds5…` settings such as',
    '`nsds5ReplicaEnabled`, `nsds5BeginReplicaRefresh`, `nsDS5ReplicaUpdateSchedule`, `nsDS5ReplicaPort`): both kinds',
    'answer these alike, so they are checked as such; where the kinds differ, the messages say how.',
  ].join(' '),
  otherAllowed: ['objectClass', 'cn', 'description'],
  acceptsAnyAttribute: false,
  ownPrefixes: [],
  objectClasses: [WINDOWS_CLASS, PLAIN_CLASS, TOP_CLASS],
  standsFor: ['agreement', 'replication-agreement'],
  foreignAttribute: {
    add: {
      kind: 'rejects',
      code: 65,
      note: 'Neither kind of agreement allows it: 389-DS refuses the add with 65 (Object class violation).',
    },
    modify: {
      kind: 'rejects',
      note: 'Neither kind of agreement allows it: a Windows agreement refuses the modify with 65 (Object class violation), a plain one with 53.',
    },
  },
  afterRefusedModify: AFTER_REFUSED_AGREEMENT_MODIFY,
};

/** A plain-only attribute: on a plain agreement, with the fields every one of them shares. */
function plain(
  fields: Omit<AttributeInput, 'entry' | 'serverManaged' | 'requiredOnAdd'> & { serverManaged?: boolean },
) {
  return { entry: 'replication-agreement', requiredOnAdd: false, serverManaged: false, ...fields } as AttributeInput;
}

/** The flow-control numbers, which the add and modify handlers range-check alike. */
const FLOW_CONTROL_BAD_VALUE: AttributeInput['onBadValue'] = {
  add: {
    kind: 'rejects',
    code: 53,
    note: 'A negative value or one above 2147483647 makes the add fail with 53 and no text; non-numbers get 21.',
  },
  modify: {
    kind: 'rejects',
    code: 1,
    byHandler: true,
    note: 'Refused with 1 (Operations error, no text) when negative, although values above 2147483647 pass; non-numbers get 21.',
  },
};

/** Bootstrap settings the handler reads on modify but the add ignores when unknown. */
function bootstrapEnum(doc: string): { add: ReactionInput; modify: ReactionInput } {
  return {
    add: {
      kind: 'ignores',
      note: `An unknown value is stored with result 0 and ignored: ${doc}`,
    },
    modify: {
      kind: 'rejects',
      code: 1,
      byHandler: true,
      note: 'Refused with 1 (Operations error, no text) unless it is one of the allowed values (any case).',
    },
  };
}

export const replicationAgreementAttributes: AttributeInput[] = [
  plain({
    name: 'nsDS5ReplicatedAttributeListTotal',
    badValue: '(objectclass=*) $ EXCLUDE cn',
    group: 'Sync behaviour',
    syntax: { kind: 'fractional-list' },
    multiValued: true,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'Excluding an attribute replication cannot do without (nsuniqueid, modifiersname, lastmodifiedtime, dc, o, ou, cn, objectclass) makes the add fail with 53 and no text; a list the parser does not read is stored and silently ignored.',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        byHandler: true,
        note: 'Refused with 53 "attempt to exclude an illegal attribute in a fractional agreement" when a forbidden attribute is excluded; a list the parser does not read gets 1.',
      },
    },
    doc: [
      'Fractional replication for total updates (re-initialisation): `(objectclass=*) $ EXCLUDE attr …`, the attributes',
      'a total update leaves out. Without it, a total update uses `nsDS5ReplicatedAttributeList`. The parser is',
      'case-sensitive: write `(objectclass=*) $ EXCLUDE ` exactly.',
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA}; 389-ds-base repl5_agmt.c agmt_set_replicated_attributes_total_from_entry`,
  }),
  plain({
    name: 'nsds5ReplicaStripAttrs',
    badValue: 'bogusAttr',
    group: 'Sync behaviour',
    syntax: { kind: 'text' },
    multiValued: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Any text is stored with result 0; names that are not attributes simply never match.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any text is stored with result 0; names that are not attributes simply never match.',
      },
    },
    doc: [
      'Space-separated attribute names to strip from a replicated modify when, after fractional replication, nothing',
      'else is left in it, e.g. `modifiersName modifyTimestamp internalModifiersName internalModifyTimestamp`.',
      'Such changes are then not sent at all.',
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA}; ${AGMT_C}`,
  }),
  plain({
    name: 'nsds5ReplicaProtocolTimeout',
    badValue: '-1',
    group: 'Connection',
    syntax: { kind: 'integer', min: 1, max: 2147483647, unit: 'seconds' },
    multiValued: false,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 53,
        note: 'A negative value or one above 2147483647 makes the add fail with 53 and no text (0 is accepted and means the replica default); non-numbers get 21.',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        byHandler: true,
        note: 'Refused with 53 and the text "attribute nsds5ReplicaProtocolTimeout value (…) is invalid, must be a number greater than zero." for 0, negatives and non-numbers; values above 2147483647 pass.',
      },
    },
    doc: [
      'Seconds the agreement waits for a replication session to end cleanly when it is stopped (disable, delete,',
      "shutdown) before cutting it. Without it the replica's own setting applies (default 120).",
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA} (INTEGER); ${AGMTLIST_C}`,
  }),
  plain({
    name: 'nsds5ReplicaFlowControlWindow',
    badValue: '-1',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'entries' },
    multiValued: false,
    default: '1000',
    onBadValue: FLOW_CONTROL_BAD_VALUE,
    doc: [
      'During a total update, how many entries may be sent without an acknowledgement from the consumer before the',
      'supplier pauses (`nsds5ReplicaFlowControlPause`). Default 1000.',
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA} (INTEGER); ${AGMT_C}`,
  }),
  plain({
    name: 'nsds5ReplicaFlowControlPause',
    badValue: '-1',
    group: 'Connection',
    syntax: { kind: 'integer', min: 0, max: 2147483647, unit: 'milliseconds' },
    multiValued: false,
    default: '2000',
    onBadValue: FLOW_CONTROL_BAD_VALUE,
    doc: 'Milliseconds a total update pauses when the flow-control window is full. Default 2000; see `nsds5ReplicaFlowControlWindow`.',
    source: `${PROBE_12}; ${SCHEMA} (INTEGER); ${AGMT_C}`,
  }),
  plain({
    name: 'nsDS5ReplicaWaitForAsyncResults',
    badValue: '-1',
    group: 'Connection',
    syntax: { kind: 'integer', min: 1, max: 2147483647, unit: 'milliseconds' },
    multiValued: false,
    default: '100',
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: '100',
        note: 'Any integer is accepted with result 0; zero or a negative value silently means 100 ms.',
      },
      modify: {
        kind: 'ignores',
        fallback: '100',
        note: 'Any integer is accepted with result 0; zero or a negative value silently means 100 ms.',
      },
    },
    doc: 'Milliseconds the supplier waits for the results of asynchronous replication operations before it checks again. Default 100; zero or less also means 100.',
    source: `${PROBE_12}; ${SCHEMA} (INTEGER); ${AGMT_C}`,
  }),
  plain({
    name: 'nsds5ReplicaIgnoreMissingChange',
    badValue: 'bogus',
    group: 'Sync behaviour',
    syntax: {
      kind: 'enum',
      values: [
        {
          value: 'never',
          doc: 'Stop the session when a change the consumer needs is missing from the changelog (default).',
        },
        { value: 'off', doc: 'Another spelling of `never`: stop at a missing change.', legacy: true },
        { value: 'once', doc: 'Skip the missing change once, then behave as `never` again.' },
        { value: 'on', doc: 'Another spelling of `once`: skip one missing change.', legacy: true },
        {
          value: 'always',
          doc: 'Always skip missing changes: replication keeps going and the consumer may silently diverge.',
        },
      ],
    },
    multiValued: false,
    default: 'never',
    onBadValue: {
      add: {
        kind: 'ignores',
        fallback: 'never',
        note: 'Any text is stored with result 0; an unknown value silently means never.',
      },
      modify: {
        kind: 'rejects',
        code: 1,
        byHandler: true,
        note: 'Refused with 1 (Operations error, no text) unless it is off, never, on, once or always (any case).',
      },
    },
    doc: [
      "What the supplier does when a change the consumer's update vector asks for is missing from the changelog.",
      '`always` keeps replication going at the price of a consumer that may silently differ.',
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA}; ${AGMTLIST_C}`,
  }),
  plain({
    name: 'nsDS5ReplicaBootstrapBindDN',
    badValue: 'not a dn',
    group: 'Connection',
    syntax: { kind: 'dn' },
    multiValued: true,
    onBadValue: {
      add: {
        kind: 'rejects',
        code: 21,
        note: 'The attribute has DN syntax: a value that is not a DN is refused with 21.',
      },
      modify: {
        kind: 'rejects',
        code: 21,
        note: 'The attribute has DN syntax: a value that is not a DN is refused with 21.',
      },
    },
    doc: [
      'A second bind identity, tried when the bind with `nsDS5ReplicaBindDN` fails with 49 (Invalid credentials).',
      'It helps while the consumer has not yet been initialised with the replication manager entry.',
    ].join(' '),
    source: `${PROBE_12}; ${SCHEMA} (DN); ${AGMT_C}`,
  }),
  plain({
    name: 'nsDS5ReplicaBootstrapCredentials',
    badValue: '',
    group: 'Connection',
    syntax: { kind: 'binary' },
    multiValued: false,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Any value is stored (encrypted); a wrong one only shows as a failed bootstrap bind.',
      },
      modify: {
        kind: 'accepts',
        note: 'Any value is stored (encrypted); a wrong one only shows as a failed bootstrap bind.',
      },
    },
    doc: 'Password of `nsDS5ReplicaBootstrapBindDN`, stored encrypted like `nsDS5ReplicaCredentials`. Keep it out of files you share.',
    source: `${PROBE_12}; ${SCHEMA} (Binary)`,
  }),
  plain({
    name: 'nsDS5ReplicaBootstrapBindMethod',
    badValue: 'bogus',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        { value: 'SIMPLE', doc: 'Bind with the bootstrap bind DN and password.' },
        { value: 'SSLCLIENTAUTH', doc: "Authenticate with the server's TLS client certificate." },
      ],
    },
    multiValued: false,
    onBadValue: bootstrapEnum('the bootstrap bind then uses no method the server knows.'),
    doc: 'How the bootstrap bind authenticates: `SIMPLE` or `SSLCLIENTAUTH` (any case). SSLCLIENTAUTH needs an encrypted bootstrap transport.',
    source: `${PROBE_12}; ${SCHEMA}; ${AGMTLIST_C}`,
  }),
  plain({
    name: 'nsDS5ReplicaBootstrapTransportInfo',
    badValue: 'bogus',
    group: 'Connection',
    syntax: {
      kind: 'enum',
      values: [
        { value: 'LDAP', doc: 'Plain, unencrypted LDAP for the bootstrap bind.' },
        { value: 'LDAPS', doc: 'TLS from the first byte, usually on port 636.' },
        { value: 'StartTLS', doc: 'LDAP upgraded to TLS with StartTLS before the bind.' },
        { value: 'SSL', doc: 'Old spelling of `LDAPS`; still accepted.', legacy: true },
        { value: 'TLS', doc: 'Old spelling of `StartTLS`; still accepted.', legacy: true },
      ],
    },
    multiValued: false,
    onBadValue: bootstrapEnum('the bootstrap connection then uses plain LDAP.'),
    doc: 'How the bootstrap connection is secured, with the values of `nsDS5ReplicaTransportInfo` (any case). Without it the bootstrap bind uses the main transport.',
    source: `${PROBE_12}; ${SCHEMA}; ${AGMTLIST_C}`,
  }),
  plain({
    name: 'nsds5ReplicaCleanRUVNotified',
    badValue: '-1',
    group: 'Status',
    syntax: { kind: 'text' },
    multiValued: true,
    serverManaged: true,
    onBadValue: {
      add: {
        kind: 'accepts',
        note: 'Any integer is stored with result 0; it is bookkeeping of the CLEANALLRUV task (non-numbers get 21).',
      },
      modify: {
        kind: 'rejects',
        code: 53,
        note: 'A plain agreement refuses any modify of it with 53 and no text (errors log "Modification of … attribute is not allowed").',
      },
    },
    doc: 'Replica IDs a CLEANALLRUV task has already told this agreement about. Written by the server; leave it out of hand-written LDIF.',
    source: `${PROBE_12}; ${SCHEMA} (INTEGER)`,
  }),
];
