/**
 * The schema checks against a real 389-DS: the schema is read from the server (never copied
 * into the repository), every prediction is compared with what the server answers when the
 * record is applied, and the syntax table with what it accepts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Attribute, Change, type Client } from 'ldapts';
import { ApplyError } from '../../server/src/apply/errors';
import { fetchSchema } from '../../server/src/apply/schemaFetch';
import { checkModify } from '../../server/src/engine/schema/check';
import { buildSchema, type Schema } from '../../server/src/engine/schema/schema';
import { SYNTAX } from '../../server/src/engine/schema/syntaxes';
import { SYNTAX_CASES, type SyntaxName } from '../engine/schema/syntaxCases';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/helpers';
import { adminClient, connectArgs, runId, testServer } from './server';
import { applyRecord, deleteQuietly, liveEntry, predict, readSchema, records, service, session } from './schemaServer';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const run = runId();
const people = () => `ou=People,${live.suffix}`;

/** Test-only definitions under a private arc; added once per instance (idempotent). */
const TEST_TYPES = [
  "( 1.3.6.1.4.1.99999.1.1 NAME 'wsTestLevel' DESC 'winsync-ldif tests: an Integer' SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE X-ORIGIN 'winsync-ldif tests' )",
  "( 1.3.6.1.4.1.99999.1.2 NAME 'wsTestFlag' DESC 'winsync-ldif tests: a Boolean' SYNTAX 1.3.6.1.4.1.1466.115.121.1.7 SINGLE-VALUE X-ORIGIN 'winsync-ldif tests' )",
];
const TEST_CLASSES = [
  "( 1.3.6.1.4.1.99999.2.1 NAME 'wsTestThing' DESC 'winsync-ldif tests' SUP top STRUCTURAL MUST ( cn $ wsTestLevel ) MAY ( wsTestFlag $ description ) X-ORIGIN 'winsync-ldif tests' )",
  // 389-DS keeps only the first SUP and rewrites aliases in MUST/MAY to first names when it loads a class.
  "( 1.3.6.1.4.1.99999.2.2 NAME 'wsTestTwoSup' DESC 'winsync-ldif tests' SUP ( person $ account ) STRUCTURAL X-ORIGIN 'winsync-ldif tests' )",
  "( 1.3.6.1.4.1.99999.2.3 NAME 'wsTestAliases' DESC 'winsync-ldif tests' SUP top STRUCTURAL MUST ( commonName $ surname ) MAY userid X-ORIGIN 'winsync-ldif tests' )",
];

let client: Client;
let schema: Schema;
const created: string[] = [];

before(async () => {
  if (skip) return;
  client = await adminClient(live);
  const { schema: current } = await readSchema(live);
  const named = (text: string) => /NAME '([^']+)'/.exec(text)?.[1] ?? '';
  const types = TEST_TYPES.filter((text) => !current.attributeType(named(text)));
  const classes = TEST_CLASSES.filter((text) => !current.objectClass(named(text)));
  const changes = [
    ...(types.length > 0
      ? [new Change({ operation: 'add', modification: new Attribute({ type: 'attributeTypes', values: types }) })]
      : []),
    ...(classes.length > 0
      ? [new Change({ operation: 'add', modification: new Attribute({ type: 'objectClasses', values: classes }) })]
      : []),
  ];
  if (changes.length > 0) await client.modify('cn=schema', changes);
  schema = changes.length > 0 ? (await readSchema(live)).schema : current;
});

after(async () => {
  if (skip) return;
  for (const dn of created.reverse()) await deleteQuietly(client, dn);
  await client.unbind();
});

/** Replaces ID with a name unique to this run, and remembers the entries to delete at the end. */
function ldif(text: string): string {
  const replaced = text.replace(/ID/g, `${run}`).replace(/SUFFIX/g, live.suffix);
  for (const match of replaced.matchAll(/^dn: (.*)$/gm)) if (!created.includes(match[1])) created.push(match[1]);
  return `${replaced.trim()}\n`;
}

describe('reading the schema', () => {
  test(
    'the live schema: every definition reads, 389-DS 2.3 counts, the same bound and anonymous, the same fingerprint twice',
    { skip },
    async () => {
      const bound = await readSchema(live);
      const anonymous = await readSchema(live, true);
      assert.ok(bound.schema.attributeTypes.length >= 1015, `${bound.schema.attributeTypes.length} attribute types`);
      assert.ok(bound.schema.objectClasses.length >= 200, `${bound.schema.objectClasses.length} object classes`);
      assert.ok(bound.schema.syntaxes.length >= 26 && bound.schema.matchingRules.length >= 500);
      assert.deepEqual(bound.schema.problems, []);
      assert.equal(anonymous.fetched.fingerprint, bound.fetched.fingerprint);
      assert.equal((await readSchema(live)).fetched.fingerprint, bound.fetched.fingerprint);
      assert.match(bound.fetched.server.vendorVersion ?? '', /^389-Directory\/2\./);
      assert.equal(bound.fetched.subschemaSubentry, 'cn=schema');
    },
  );

  test(
    'every definition reads as python-ldap (lib389) reads it: names, SUP, MUST, MAY, syntax, flags, usage, X-ORIGIN',
    { skip },
    async () => {
      const { fetched } = await readSchema(live);
      const script = String.raw`
import json, sys
import ldap.schema
from ldap.schema.models import AttributeType, ObjectClass
data = json.load(sys.stdin)
out = {"attributeTypes": [], "objectClasses": []}
for text in data["attributeTypes"]:
    a = AttributeType(text)
    out["attributeTypes"].append({"oid": a.oid, "names": list(a.names), "sup": list(a.sup), "syntax": a.syntax, "single": bool(a.single_value), "num": bool(a.no_user_mod), "usage": a.usage, "origin": list(a.x_origin) if isinstance(a.x_origin, (list, tuple)) else ([a.x_origin] if a.x_origin else [])})
for text in data["objectClasses"]:
    o = ObjectClass(text)
    out["objectClasses"].append({"oid": o.oid, "names": list(o.names), "sup": list(o.sup), "kind": o.kind, "must": list(o.must), "may": list(o.may)})
json.dump(out, sys.stdout)
`;
      const python = spawnSync('/usr/bin/python3', ['-c', script], {
        input: JSON.stringify(fetched.definitions),
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      assert.equal(python.status, 0, python.stderr);
      const theirs = JSON.parse(python.stdout) as {
        attributeTypes: {
          oid: string;
          names: string[];
          sup: string[];
          syntax: string | null;
          single: boolean;
          num: boolean;
          usage: number;
          origin: string[];
        }[];
        objectClasses: { oid: string; names: string[]; sup: string[]; kind: number; must: string[]; may: string[] }[];
      };
      const mine = buildSchema(fetched.definitions);
      const usages = ['userApplications', 'directoryOperation', 'distributedOperation', 'dSAOperation'];
      const differences: string[] = [];
      theirs.attributeTypes.forEach((their, index) => {
        const definition = mine.attributeTypes[index].definition;
        const own = {
          oid: definition.oid,
          names: definition.names,
          sup: definition.superior ? [definition.superior] : [],
          syntax: definition.syntax ?? null,
          single: definition.singleValue,
          num: definition.noUserModification,
          usage: usages.indexOf(definition.usage),
          origin: [...(definition.extensions.get('X-ORIGIN') ?? [])],
        };
        const theirsFixed = { ...their, syntax: their.syntax?.replace(/\{\d+\}$/, '') ?? null };
        if (JSON.stringify(own) !== JSON.stringify(theirsFixed))
          differences.push(
            `${definition.text}\n  mine   ${JSON.stringify(own)}\n  python ${JSON.stringify(theirsFixed)}`,
          );
      });
      theirs.objectClasses.forEach((their, index) => {
        const definition = mine.objectClasses[index].definition;
        // python-ldap gives a structural class without SUP the SUP top that RFC 4512 implies.
        const sup =
          definition.superiors.length === 0 && definition.kind === 'STRUCTURAL' ? ['top'] : definition.superiors;
        const own = {
          oid: definition.oid,
          names: definition.names,
          sup,
          kind: ['STRUCTURAL', 'ABSTRACT', 'AUXILIARY'].indexOf(definition.kind),
          must: definition.must,
          may: definition.may,
        };
        if (JSON.stringify(own) !== JSON.stringify(their))
          differences.push(`${definition.text}\n  mine   ${JSON.stringify(own)}\n  python ${JSON.stringify(their)}`);
      });
      assert.deepEqual(differences, []);
      assert.equal(theirs.attributeTypes.length, mine.attributeTypes.length);
    },
  );

  test(
    'with nsslapd-allow-anonymous-access: rootdse an anonymous read is refused (48, explained) and a bound read still works',
    { skip },
    async () => {
      await client.modify('cn=config', [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'nsslapd-allow-anonymous-access', values: ['rootdse'] }),
        }),
      ]);
      try {
        const anonymous = await session(live, true);
        try {
          await assert.rejects(fetchSchema(anonymous), (error: unknown) => {
            assert.ok(error instanceof ApplyError);
            assert.equal(error.explanation.code, 48);
            assert.match(error.message, /does not let anonymous clients read its schema/);
            return true;
          });
        } finally {
          await anonymous.close();
        }
        assert.ok((await readSchema(live)).schema.attributeTypes.length >= 1015);
      } finally {
        await client.modify('cn=config', [
          new Change({
            operation: 'replace',
            modification: new Attribute({ type: 'nsslapd-allow-anonymous-access', values: ['on'] }),
          }),
        ]);
      }
    },
  );

  test(
    'a type and a class added over LDAP: the next read has a new fingerprint, "user defined" in X-ORIGIN, and the names validate',
    { skip },
    async () => {
      const before = await readSchema(live);
      const type = `( 1.3.6.1.4.1.99999.3.${parseInt(run, 16) % 100000} NAME 'wsRun${run}' SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE X-ORIGIN 'winsync-ldif run' )`;
      await client.modify('cn=schema', [
        new Change({ operation: 'add', modification: new Attribute({ type: 'attributeTypes', values: [type] }) }),
      ]);
      try {
        const after = await readSchema(live);
        assert.notEqual(after.fetched.fingerprint, before.fetched.fingerprint);
        assert.ok(after.fetched.modifyTimestamp, 'cn=schema has a modifyTimestamp after a change over LDAP');
        const added = after.schema.attributeType(`wsRun${run}`);
        assert.ok(added);
        assert.deepEqual(added.origins, ['winsync-ldif run', 'user defined']);
        const text = ldif(
          `dn: cn=ID-run,${people()}\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nwsRun${run}: abc\n`,
        );
        const codes = service.validate(service.parse(text), {}, after.schema).map((diagnostic) => diagnostic.code);
        assert.deepEqual(codes, ['schema/invalid-syntax']);
        assert.deepEqual(
          service.validate(service.parse(text), {}, before.schema).map((diagnostic) => diagnostic.code),
          [],
        );
      } finally {
        await client.modify('cn=schema', [
          new Change({ operation: 'delete', modification: new Attribute({ type: 'attributeTypes', values: [type] }) }),
        ]);
      }
    },
  );
});

describe('values: the syntax table holds on the server', () => {
  for (const [name, cases] of Object.entries(SYNTAX_CASES) as [SyntaxName, readonly (readonly [string, boolean])[]][]) {
    test(`${name}: the server accepts exactly the values the table accepts`, { skip }, async () => {
      const type = schema.attributeTypes
        // objectClass and aci are checked by more than their syntax (class names, ACI grammar).
        .filter(
          (candidate) =>
            candidate.syntax === SYNTAX[name] &&
            !candidate.noUserModification &&
            !['objectclass', 'aci'].includes(candidate.name.toLowerCase()),
        )
        .sort((a, b) => Number(a.operational) - Number(b.operational) || a.name.localeCompare(b.name))[0];
      assert.ok(type, `the live schema has a writable ${name} type`);
      const wrong: string[] = [];
      for (const [index, [value, accepted]] of cases.entries()) {
        const dn = `cn=${run}-${name}-${index},${people()}`;
        created.push(dn);
        let code = 0;
        try {
          await client.add(dn, [
            new Attribute({ type: 'objectClass', values: ['top', 'person', 'extensibleObject'] }),
            new Attribute({ type: 'sn', values: ['x'] }),
            new Attribute({ type: type.name, values: [value] }),
          ]);
        } catch (error) {
          code = (error as { code?: number }).code ?? -1;
        }
        await deleteQuietly(client, dn);
        if ((code === 0) !== accepted || (code !== 0 && code !== 21))
          wrong.push(
            `${type.name}: ${JSON.stringify(value)} got ${code}, the table says ${accepted ? 'accepted' : 'refused'}`,
          );
      }
      assert.deepEqual(wrong, []);
    });
  }
});

/** Each add: the engine's prediction from the record alone equals the server's answer. */
const ADDS: readonly (readonly [string, string])[] = [
  ['missing MUST', `dn: cn=ID-must,ou=People,SUFFIX\nobjectClass: wsTestThing\ndescription: x`],
  ['unknown type (named lower-case)', `dn: cn=ID-unknown,ou=People,SUFFIX\nobjectClass: person\nsn: x\nBogusAttr: 1`],
  ['known type not allowed', `dn: cn=ID-mail,ou=People,SUFFIX\nobjectClass: person\nsn: x\nmail: a@example.com`],
  [
    'SINGLE-VALUE with two values: 65, not 19',
    `dn: cn=ID-sv,ou=People,SUFFIX\nobjectClass: wsTestThing\nwsTestLevel: 1\nwsTestLevel: 2`,
  ],
  ['unknown object class', `dn: cn=ID-oc,ou=People,SUFFIX\nobjectClass: person\nobjectClass: noSuchClass\nsn: x`],
  [
    'two unknown classes: the last is named',
    `dn: cn=ID-oc2,ou=People,SUFFIX\nobjectClass: fooOne\nobjectClass: person\nobjectClass: fooTwo\nsn: x`,
  ],
  ['a class with a trailing space', `dn: cn=ID-space,ou=People,SUFFIX\nobjectClass: person \nsn: x`],
  ['no objectClass', `dn: cn=ID-nooc,ou=People,SUFFIX\nsn: x`],
  ['only the abstract top', `dn: cn=ID-top,ou=People,SUFFIX\nobjectClass: top`],
  ['only an auxiliary class', `dn: cn=ID-aux,ou=People,SUFFIX\nobjectClass: mailRecipient`],
  [
    'two unrelated structural classes are accepted',
    `dn: cn=ID-two,ou=People,SUFFIX\nobjectClass: person\nobjectClass: account\nsn: x\nuid: ID-two`,
  ],
  [
    'superclasses left out are added by the server',
    `dn: cn=ID-inet,ou=People,SUFFIX\nobjectClass: inetOrgPerson\nsn: x`,
  ],
  [
    'an RDN value missing from the attributes is added',
    `dn: cn=ID-rdn,ou=People,SUFFIX\nobjectClass: person\nsn: x\ncn: other`,
  ],
  [
    'a huge Integer, a short GeneralizedTime, a descriptor OID, a DN of no entry, a language tag',
    `dn: cn=ID-ok,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nuidNumber: 99999999999999999999999\nsudoNotAfter: 2024010112Z\nsupportedControl: cn\nseeAlso: cn=nobody,SUFFIX\ndescription;lang-en: hi\ntelephoneNumber: call me\npostalAddress: a$b`,
  ],
  [
    'extensibleObject takes an unknown type',
    `dn: cn=ID-ext,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nbogusType: ok`,
  ],
  [
    'extensibleObject still checks syntax',
    `dn: cn=ID-extsyntax,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nuidNumber: x`,
  ],
  [
    'operational aci and nsRoleDN need no class',
    `dn: cn=ID-op,ou=People,SUFFIX\nobjectClass: person\nsn: x\naci: (targetattr="description")(version 3.0; acl "ID"; deny (write) userdn="ldap:///anyone";)\nnsRoleDN: cn=role,SUFFIX`,
  ],
  [
    'NO-USER-MODIFICATION values are dropped silently',
    `dn: cn=ID-num,ou=People,SUFFIX\nobjectClass: person\nsn: x\nmodifyTimestamp: 20240101000000Z\nentryUSN: 5`,
  ],
  [
    'Integer abc, 007 and +5: every bad value is listed',
    `dn: cn=ID-int,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nuidNumber: abc\ngidNumber: 007\nwsTestLevel: +5`,
  ],
  [
    'Boolean yes and lower-case true',
    `dn: cn=ID-bool,ou=People,SUFFIX\nobjectClass: wsTestThing\nwsTestLevel: 1\nwsTestFlag: true`,
  ],
  [
    'GeneralizedTime without a zone, month 13',
    `dn: cn=ID-time,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nsudoNotAfter: 20240101120000\nsudoNotBefore: 20241301120000Z`,
  ],
  [
    'DN and OID',
    `dn: cn=ID-dn,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nseeAlso: cn=a,,dc=b\nsupportedControl: 1.02`,
  ],
  [
    'empty Directory String, IA5 é, Country USA, Numeric 12a',
    `dn: cn=ID-str,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\ndescription:\nhomeDirectory: é\nc: USA\nx121Address: 12a`,
  ],
  [
    'bytes that are not UTF-8 in a Directory String',
    `dn: cn=ID-bytes,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\ndescription:: /w==`,
  ],
  [
    'duplicate values differing in case (caseIgnoreMatch)',
    `dn: cn=ID-dup,ou=People,SUFFIX\nobjectClass: person\nsn: x\ndescription: Same\ndescription: same`,
  ],
  [
    '1 and 01 are the same Integer',
    `dn: cn=ID-dupint,ou=People,SUFFIX\nobjectClass: person\nobjectClass: extensibleObject\nsn: x\nuidNumber: 1\nuidNumber: 01`,
  ],
  [
    'missing MUST, unknown type and bad Boolean: the MUST is reported',
    `dn: cn=ID-first,ou=People,SUFFIX\nobjectClass: wsTestThing\nbogusAttr: 1\nwsTestFlag: maybe`,
  ],
  [
    'not allowed and SINGLE-VALUE on one type: the SINGLE-VALUE text wins',
    `dn: cn=ID-svna,ou=People,SUFFIX\nobjectClass: person\nsn: x\nuidNumber: 1\nuidNumber: 2`,
  ],
  [
    'two classes missing MUSTs: the last missing of the first class',
    `dn: uid=ID-twomust,ou=People,SUFFIX\nobjectClass: person\nobjectClass: posixAccount\ndescription: x`,
  ],
  ['a MUST given with a language tag counts', `dn: cn=ID-tag,ou=People,SUFFIX\nobjectClass: person\nsn;lang-en: x`],
  [
    'aliases and OIDs as attribute names',
    `dn: cn=ID-alias,ou=People,SUFFIX\nobjectClass: person\nsurname: x\n2.5.4.13: described`,
  ],
  [
    "a class defined with two superiors: 389-DS kept the first, so the second one's uid is not allowed",
    `dn: cn=ID-twosup,ou=People,SUFFIX\nobjectClass: wsTestTwoSup\nsn: x\nuid: u`,
  ],
  [
    'a class defined with aliases in MUST: 389-DS rewrote them, cn and sn satisfy it',
    `dn: cn=ID-aliases,ou=People,SUFFIX\nobjectClass: wsTestAliases\nsn: x\nuserid: u`,
  ],
  [
    'an agreement-like entry without the class',
    `dn: cn=ID-agreement,ou=People,SUFFIX\nobjectClass: top\nobjectClass: person\nsn: x\nnsds7WindowsReplicaSubtree: cn=Users,dc=ad`,
  ],
];

describe("adds: the prediction is the server's answer", () => {
  for (const [name, text] of ADDS) {
    test(name, { skip }, async () => {
      const [record] = records(ldif(text));
      const predicted = await predict(client, record, schema);
      const answer = await applyRecord(client, record);
      assert.deepEqual(
        predicted.answer,
        answer,
        predicted.findings.map((finding) => `${finding.check.code}: ${finding.problem}`).join('\n'),
      );
    });
  }
});

/** Modify records played in order on one entry; `alone` when the mod-specs decide the answer without the entry. */
const MODIFIES: readonly (readonly [string, string, boolean])[] = [
  ['a second value for a SINGLE-VALUE type', 'add: wsTestLevel\nwsTestLevel: 6', false],
  ['two values for a SINGLE-VALUE type in one mod-spec', 'replace: wsTestLevel\nwsTestLevel: 6\nwsTestLevel: 7', true],
  ['deleting a MUST attribute', 'delete: wsTestLevel', false],
  ['deleting the only RDN value (a MUST): 65 naming cn', 'delete: cn', false],
  ['deleting the RDN value while another value stays: 67', 'add: cn\ncn: second\n-\ndelete: cn\ncn: ID-mod', false],
  ['deleting a value the entry does not have: 16', 'delete: description\ndescription: nothere', false],
  ['deleting an attribute the entry does not have: 16', 'delete: wsTestFlag', false],
  ['adding an existing value in another case: 20', 'add: description\ndescription: OLD', false],
  ['replacing with a repeated value: 20', 'replace: description\ndescription: a\ndescription: A', true],
  [
    "a bad Integer and a bad Boolean: 21 lists both, with the request's names",
    'replace: WSTESTLEVEL\nWSTESTLEVEL: abc\n-\nreplace: wsTestFlag\nwsTestFlag: yes',
    true,
  ],
  ['increment: (no RFC 4525 in 389-DS): 2', 'increment: wsTestLevel\nwsTestLevel: 1', true],
  [
    'only NO-USER-MODIFICATION mods: 53',
    'replace: modifyTimestamp\nmodifyTimestamp: 20240101000000Z\n-\nreplace: creatorsName\ncreatorsName: cn=x',
    true,
  ],
  [
    'NO-USER-MODIFICATION mixed with a normal mod: dropped, accepted',
    'replace: modifyTimestamp\nmodifyTimestamp: 20240101000000Z\n-\nreplace: description\ndescription: new',
    false,
  ],
  ['an unknown type: 65 (no extensibleObject)', 'replace: bogusType\nbogusType: 1', true],
  [
    'replacing the structural class while its attribute stays: 65',
    'replace: objectClass\nobjectClass: person\n-\nadd: sn\nsn: x',
    false,
  ],
  [
    'adding a second structural class with its MUST: accepted',
    'add: objectClass\nobjectClass: account\n-\nadd: uid\nuid: ID-mod',
    false,
  ],
];

describe("modifies on a live entry: the prediction (playing the record on the entry) is the server's answer", () => {
  const dn = () => `cn=${run}-mod,${people()}`;
  before(async () => {
    if (skip) return;
    created.push(dn());
    await client.add(dn(), [
      new Attribute({ type: 'objectClass', values: ['top', 'wsTestThing'] }),
      new Attribute({ type: 'cn', values: [`${run}-mod`] }),
      new Attribute({ type: 'wsTestLevel', values: ['5'] }),
      new Attribute({ type: 'description', values: ['old'] }),
    ]);
  });
  for (const [name, specs, alone] of MODIFIES) {
    test(name, { skip }, async () => {
      const [record] = records(ldif(`dn: ${dn()}\nchangetype: modify\n${specs.replace(/ID/g, run)}\n-\n`));
      const predicted = await predict(client, record, schema);
      const withoutEntry = checkModify(record, schema);
      const answer = await applyRecord(client, record);
      assert.deepEqual(
        predicted.answer,
        answer,
        predicted.findings.map((finding) => `${finding.check.code}: ${finding.problem}`).join('\n'),
      );
      if (alone) assert.deepEqual(withoutEntry.answer, answer, 'the mod-specs alone decide this answer');
      // Without the entry the engine never predicts a failure the server does not give.
      if (answer.code === 0) assert.equal(withoutEntry.answer.code, 0);
    });
  }
});

/** Modifies whose answer depends on the live entry or on a value's syntax, for the dry run. */
const DRY_RUN_CASES: readonly (readonly [string, string])[] = [
  ['a second value for a SINGLE-VALUE type: 65', 'add: wsTestLevel\nwsTestLevel: 6'],
  ['deleting a MUST attribute: 65', 'delete: wsTestLevel'],
  ['a bad Integer: 21', 'replace: wsTestLevel\nwsTestLevel: abc'],
  ['adding an existing value in another case: 20', 'add: description\ndescription: OLD'],
  ['an unknown type: 65', 'replace: bogusType\nbogusType: 1'],
  [
    'replacing the structural class while its attribute stays: 65',
    'replace: objectClass\nobjectClass: person\n-\nadd: sn\nsn: x',
  ],
  ['a change the schema allows: accepted', 'replace: description\ndescription: new'],
];

describe("apply --dry-run on a live entry: its prediction is the server's answer", () => {
  DRY_RUN_CASES.forEach(([name, specs], index) => {
    test(name, { skip }, async () => {
      const dn = `cn=${run}-dry${index},${people()}`;
      created.push(dn);
      await client.add(dn, [
        new Attribute({ type: 'objectClass', values: ['top', 'wsTestThing'] }),
        new Attribute({ type: 'cn', values: [`${run}-dry${index}`] }),
        new Attribute({ type: 'wsTestLevel', values: ['5'] }),
        new Attribute({ type: 'description', values: ['old'] }),
      ]);
      const text = `dn: ${dn}\nchangetype: modify\n${specs}\n-\n`;
      const dir = mkdtempSync(join(tmpdir(), 'winsync-schema-dry-'));
      try {
        writeFileSync(join(dir, 'change.ldif'), text);
        const result = await runCli(['apply', ...connectArgs(live), '--dry-run', '--format', 'json', 'change.ldif'], {
          cwd: dir,
        });
        const [predicted] = (
          JSON.parse(result.stdout) as { records: { verdict: string; findings: { code?: number }[] }[] }
        ).records;
        const [record] = records(text);
        const answer = await applyRecord(client, record);
        assert.equal(predicted.verdict, answer.code === 0 ? 'would-apply' : 'would-fail', result.stdout);
        assert.equal(predicted.findings[0]?.code ?? 0, answer.code, result.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('an entry that already breaks the schema', () => {
  test(
    "an unrelated modify fails with 65 for the old violation; the prediction marks it as the live entry's",
    { skip },
    async () => {
      const dn = `cn=${run}-old,${people()}`;
      created.push(dn);
      const setCheck = (value: string) =>
        client.modify('cn=config', [
          new Change({
            operation: 'replace',
            modification: new Attribute({ type: 'nsslapd-schemacheck', values: [value] }),
          }),
        ]);
      await setCheck('off');
      try {
        await client.add(dn, [
          new Attribute({ type: 'objectClass', values: ['top', 'person'] }),
          new Attribute({ type: 'sn', values: ['x'] }),
          new Attribute({ type: 'bogusAttr', values: ['1'] }),
        ]);
      } finally {
        await setCheck('on');
      }
      const [record] = records(`dn: ${dn}\nchangetype: modify\nreplace: description\ndescription: unrelated\n-\n`);
      const predicted = await predict(client, record, schema);
      const answer = await applyRecord(client, record);
      assert.deepEqual(answer, { code: 65, text: 'attribute "bogusattr" not allowed' });
      assert.deepEqual(predicted.answer, answer);
      assert.equal(predicted.reported[0].preexisting, true);
      assert.equal(predicted.reported[0].range, undefined);
      // Without the entry nothing is predicted: the record itself is fine.
      assert.equal(checkModify(record, schema).answer.code, 0);
    },
  );
});

describe('diagnostics in the editor and the CLI', () => {
  test(
    'a record with a missing MUST, an unknown type and a bad Boolean: three diagnostics, the one the server reports says so, and it is the real answer',
    { skip },
    async () => {
      const text = ldif(
        `dn: cn=ID-three,ou=People,SUFFIX\nobjectClass: wsTestThing\nbogusAttr: 1\nwsTestFlag: maybe\n`,
      );
      const diagnostics = service.validate(service.parse(text), {}, schema);
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.code),
        ['schema/missing-must', 'schema/unknown-attribute', 'schema/invalid-syntax'],
      );
      const [record] = records(text);
      const answer = await applyRecord(client, record);
      const reporting = diagnostics.filter((diagnostic) => diagnostic.message.includes(' 389-DS answers '));
      assert.equal(reporting.length, 1);
      assert.equal(reporting[0].code, 'schema/missing-must');
      assert.ok(
        reporting[0].message.endsWith(`389-DS answers 65 (Object class violation): "${answer.text}".`),
        reporting[0].message,
      );
    },
  );

  test(
    'on the agreement the catalog stays the authority: its enum error is not repeated by the schema',
    { skip },
    async () => {
      const text = `dn: ${live.agreementDn}\nchangetype: modify\nreplace: winSyncMoveAction\nwinSyncMoveAction: sometimes\n-\nreplace: nsds7NewWinUserSyncEnabled\nnsds7NewWinUserSyncEnabled: maybe\n-\n`;
      const codes = service.validate(service.parse(text), {}, schema).map((diagnostic) => diagnostic.code);
      assert.ok(codes.includes('winsync/invalid-enum'), codes.join(', '));
      assert.ok(!codes.some((code) => code.startsWith('schema/')), codes.join(', '));
    },
  );

  test('the live entry of the agreement passes the schema check as it is', { skip }, async () => {
    const entry = await liveEntry(client, live.agreementDn, schema);
    assert.ok(entry);
    const [record] = records(
      `dn: ${live.agreementDn}\nchangetype: modify\nreplace: winSyncInterval\nwinSyncInterval: 600\n-\n`,
    );
    assert.equal(checkModify(record, schema, { current: entry }).answer.code, 0);
  });
});

describe('winsync-ldif check against the live schema', () => {
  test(
    '--url (anonymous and bound, LDAP and LDAPS) and --schema with an ldapsearch dump report the same',
    { skip },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'winsync-schema-cli-'));
      try {
        writeFileSync(
          join(dir, 'records.ldif'),
          ldif(`dn: cn=ID-cli,ou=People,SUFFIX\nobjectClass: person\nsn: x\nmail: a@example.com\nuidNumber: abc\n`),
        );
        const dump = spawnSync(
          'ldapsearch',
          [
            '-x',
            '-H',
            live.ipUrl,
            '-D',
            live.bindDn,
            '-y',
            live.passwordFile,
            '-b',
            'cn=schema',
            '-s',
            'base',
            '(objectclass=*)',
            '+',
          ],
          { encoding: 'utf8', maxBuffer: 64 << 20 },
        );
        assert.equal(dump.status, 0, dump.stderr);
        writeFileSync(join(dir, 'schema.ldif'), dump.stdout);
        const runs = [
          await runCli(['check', '--schema', 'schema.ldif', 'records.ldif'], { cwd: dir }),
          await runCli(['check', '--url', live.ipUrl, 'records.ldif'], { cwd: dir }),
          await runCli(
            [
              'check',
              '--url',
              live.url,
              '--bind-dn',
              live.bindDn,
              '--password-file',
              live.passwordFile,
              'records.ldif',
            ],
            { cwd: dir },
          ),
          await runCli(['check', '--url', live.tlsUrl, '--ca-file', live.caFile, 'records.ldif'], { cwd: dir }),
        ];
        for (const result of runs) {
          assert.equal(result.code, 1, result.stderr);
          assert.equal(result.stdout, runs[0].stdout);
          assert.match(result.stderr, /^schema: .*\(\d{4} attribute types, \d{3} object classes\)\n/);
        }
        assert.deepEqual(
          runs[0].stdout
            .trim()
            .split('\n')
            .map((line) => line.split(' ')[2]),
          ['schema/not-allowed', 'schema/not-allowed', 'schema/invalid-syntax'],
        );
        assert.match(runs[1].stderr, /anonymously, 389-Directory\/2\./);
        assert.ok(!runs.some((result) => `${result.stdout}${result.stderr}`.includes(live.password)));
        const refused = await runCli(['check', '--url', live.tlsUrl, 'records.ldif'], { cwd: dir });
        assert.equal(refused.code, 2);
        assert.match(refused.stderr, /cannot read the schema: The TLS certificate of .* is not signed by a trusted CA/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
