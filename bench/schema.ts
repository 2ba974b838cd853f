/**
 * The server-schema figures of `npm run bench` (issue 16): reading the 389-DS schema over LDAP,
 * parsing it (first call in a fresh process, as a language server that just started), handing
 * it to the language server, checking entries against it, and `check --schema` throughput;
 * each beside a peer measured in the same run. The schema comes from the test 389-DS of
 * scripts/ds389.sh, started when it is not running (and stopped again afterwards).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSession } from '../server/src/apply/connection';
import { fetchSchema, type FetchedSchema } from '../server/src/apply/schemaFetch';
import { Secret } from '../server/src/apply/secret';
import { SET_SCHEMA_METHOD, type SetSchemaParams, type SetSchemaResult } from '../server/src/engine/schema/protocol';
import { readSchemaLdif } from '../server/src/engine/schema/ldif';
import { buildSchema, type SubschemaDefinitions } from '../server/src/engine/schema/schema';
import { getLanguageService } from '../server/src/engine/service';
import { LspClient } from '../test/lsp/client';

const ROOT = resolve(__dirname, '..');

export interface BenchSchema {
  readonly fetched: FetchedSchema;
  /**
   * What the editor figures load: the live schema plus FreeIPA's published schema from the
   * corpus when it is there, since the generated documents are IdM data (ipaObject, krbPrincipalAux, …).
   */
  readonly editorSchema: { readonly label: string; readonly definitions: SubschemaDefinitions };
  /** The editor's schema as a `cn=schema` LDIF (what `ldapsearch -b cn=schema -s base '(objectclass=*)' +` prints), for `check --schema`. */
  readonly dumpPath: string;
  /** The definitions and the server's identity as JSON, for the parse peers. */
  readonly jsonPath: string;
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** What the figures need from the harness in run.ts. */
export interface Harness {
  readonly runs: number;
  row(figure: string, measured: string, goal: string, pass: boolean | undefined, detail: string): void;
  median(values: readonly number[]): number;
  percentile(values: readonly number[], p: number): number;
  spread(values: readonly number[], digits?: number): string;
  runNode(
    nodeArgs: readonly string[],
    captureStdout?: boolean,
  ): Promise<{ seconds: number; cpuSeconds: number; stdout: string }>;
  readonly results: Record<string, unknown>;
}

/** Starts (or finds) the test 389-DS and reads its schema once, the way `check --url` does. */
export async function benchSchema(dir: string): Promise<BenchSchema> {
  const { startDirectoryServer } = (await import(join(ROOT, 'scripts', 'e2e', 'lib.mjs'))) as {
    startDirectoryServer(): Promise<{ env: Record<string, string>; stop(): Promise<void> }>;
  };
  const directory = await startDirectoryServer();
  try {
    const session = await openSession(settingsOf(directory.env));
    const fetched = await fetchSchema(session).finally(() => session.close());
    mkdirSync(dir, { recursive: true });
    const editorSchema = withFreeIpa(fetched.definitions);
    const dumpPath = join(dir, 'schema-editor.ldif');
    const lists = ['attributeTypes', 'objectClasses', 'ldapSyntaxes', 'matchingRules'] as const;
    writeFileSync(
      dumpPath,
      [
        'dn: cn=schema',
        ...lists.flatMap((name) => (editorSchema.definitions[name] ?? []).map((text) => `${name}: ${text}`)),
        '',
      ].join('\n'),
    );
    const jsonPath = join(dir, 'schema-389.json');
    writeFileSync(jsonPath, JSON.stringify({ definitions: fetched.definitions, server: fetched.server }));
    return { fetched, editorSchema, dumpPath, jsonPath, env: directory.env, stop: directory.stop };
  } catch (error) {
    await directory.stop();
    throw error;
  }
}

function withFreeIpa(definitions: SubschemaDefinitions): BenchSchema['editorSchema'] {
  const dump = resolve(
    process.env.WINSYNC_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'real'),
    'python-ldap__python-ldap',
    'Tests__data__subschema-ipa.demo1.freeipa.org.ldif',
  );
  if (!existsSync(dump)) return { label: 'the 389-DS schema', definitions };
  const ipa = readSchemaLdif([readFileSync(dump, 'utf8')]).definitions;
  const join2 = (name: keyof SubschemaDefinitions) => [...(definitions[name] ?? []), ...(ipa[name] ?? [])];
  return {
    label: "the 389-DS schema with FreeIPA's",
    definitions: {
      attributeTypes: join2('attributeTypes'),
      objectClasses: join2('objectClasses'),
      ldapSyntaxes: join2('ldapSyntaxes'),
      matchingRules: join2('matchingRules'),
    },
  };
}

function settingsOf(env: Readonly<Record<string, string>>) {
  return {
    url: env.LDAP_TEST_IP_URL,
    bindDn: env.LDAP_TEST_BIND_DN,
    password: new Secret(readFileSync(env.LDAP_TEST_PASSWORD_FILE, 'utf8')),
  };
}

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await action();
  return [performance.now() - started, value];
}

export async function schemaFigures(schema: BenchSchema, changeFile: string, bench: Harness): Promise<void> {
  const { row, median, spread, runs } = bench;
  const bytes = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
  const definitionText = Object.values(schema.fetched.definitions).flat().join('\n');
  console.log(
    `\n== server schema: ${schema.fetched.server.vendorVersion ?? 'unknown server'}, ${schema.fetched.definitions.attributeTypes.length} attribute types, ${schema.fetched.definitions.objectClasses.length} object classes, ${bytes(definitionText)} of definitions`,
  );

  // Reading: one bound session, the full read again and again; the root DSE alone as the round-trip peer.
  const session = await openSession(settingsOf(schema.env));
  const reads: number[] = [];
  const roots: number[] = [];
  try {
    for (let i = 0; i < runs * 4; i++) {
      reads.push((await timed(() => fetchSchema(session)))[0]);
      roots.push((await timed(() => session.client.search('', { scope: 'base', attributes: ['vendorVersion'] })))[0]);
    }
  } finally {
    await session.close();
  }
  const ldapsearch: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(
      'ldapsearch',
      [
        '-x',
        '-H',
        schema.env.LDAP_TEST_IP_URL,
        '-D',
        schema.env.LDAP_TEST_BIND_DN,
        '-y',
        schema.env.LDAP_TEST_PASSWORD_FILE,
        '-LLL',
        '-b',
        'cn=schema',
        '-s',
        'base',
        '(objectclass=*)',
        '+',
      ],
      { maxBuffer: 64 << 20 },
    );
    if (result.status === 0) ldapsearch.push(performance.now() - started);
  }
  const read = median(reads);
  row(
    'schema read over LDAP (root DSE + cn=schema), loopback, bound',
    `${read.toFixed(1)} ms`,
    '',
    undefined,
    `${spread(reads, 1)}; root DSE alone ${median(roots).toFixed(2)} ms (${(read / median(roots)).toFixed(0)}× a round trip)`,
  );
  if (ldapsearch.length > 0) {
    row(
      'peer: ldapsearch of the same entry (whole process)',
      `${median(ldapsearch).toFixed(1)} ms`,
      '',
      undefined,
      `winsync-ldif's read is ${(read / median(ldapsearch)).toFixed(2)}× ldapsearch's wall time`,
    );
  }

  // Parsing: the first call in a fresh process, then warm; python-ldap (lib389's parser) as the peer.
  const parses: { firstMs: number; warmMs: number; jsonMs: number }[] = [];
  for (let i = 0; i < runs; i++)
    parses.push(
      JSON.parse(
        (await bench.runNode(['--import', 'tsx', join(__dirname, 'peers', 'schema-parse.ts'), schema.jsonPath], true))
          .stdout,
      ),
    );
  const first = median(parses.map((parse) => parse.firstMs));
  const warm = median(parses.map((parse) => parse.warmMs));
  row(
    'schema parse + index, first call in a fresh process',
    `${first.toFixed(1)} ms`,
    '≤ 100 ms',
    first <= 100,
    `warm ${warm.toFixed(1)} ms; JSON.parse of the same definitions ${median(parses.map((parse) => parse.jsonMs)).toFixed(1)} ms (${spread(
      parses.map((parse) => parse.firstMs),
      1,
    )})`,
  );
  const python: { firstMs: number; warmMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync('/usr/bin/python3', [join(__dirname, 'peers', 'schema-parse.py'), schema.jsonPath], {
      encoding: 'utf8',
    });
    if (result.status === 0) python.push(JSON.parse(result.stdout));
  }
  if (python.length > 0) {
    const peerFirst = median(python.map((parse) => parse.firstMs));
    row(
      'peer: python-ldap SubSchema on the same definitions',
      `${peerFirst.toFixed(1)} ms`,
      '',
      undefined,
      `warm ${median(python.map((parse) => parse.warmMs)).toFixed(1)} ms; winsync-ldif's first parse is ${(first / peerFirst).toFixed(2)}× python-ldap's`,
    );
  } else {
    row('peer: python-ldap SubSchema', 'skipped', '', undefined, '/usr/bin/python3 with python-ldap not found');
  }

  // Checking entries: 10,000 adds of users, validated without and with the schema (fresh parse each run, nothing
  // cached). CPU time of this process: on a shared machine wall time mostly measures the neighbours.
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const service = getLanguageService();
  const built = buildSchema(schema.fetched.definitions, schema.fetched.server);
  const users = userAdds(10_000);
  const without: number[] = [];
  const withSchema: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const plain = service.parse(users);
    let started = cpu();
    service.validate(plain, { maxDiagnostics: Number.POSITIVE_INFINITY });
    const plainMs = cpu() - started;
    const checked = service.parse(users);
    started = cpu();
    const found = service.validate(checked, { maxDiagnostics: Number.POSITIVE_INFINITY }, built);
    const checkedMs = cpu() - started;
    if (found.some((diagnostic) => diagnostic.code.startsWith('schema/')))
      throw new Error('bench: the generated users should be valid for the 389-DS schema');
    if (i > 0) {
      without.push(plainMs);
      withSchema.push(checkedMs);
    }
  }
  const extra = (median(withSchema) - median(without)) / 10;
  row(
    'schema check cost per entry (10,000 user adds, 17 lines each)',
    `${Math.max(0, extra).toFixed(1)} µs`,
    '≤ 10 µs',
    extra <= 10,
    `CPU time: validate ${median(withSchema).toFixed(0)} ms with the schema vs ${median(without).toFixed(0)} ms without (${(median(withSchema) / median(without)).toFixed(2)}×)`,
  );

  // check on the 110 MB change file, with and without --schema, alternating so both see the same load.
  const plainRuns: number[] = [];
  const schemaRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    plainRuns.push((await bench.runNode([join(ROOT, 'dist', 'cli.js'), 'check', changeFile])).seconds);
    schemaRuns.push(
      (await bench.runNode([join(ROOT, 'dist', 'cli.js'), 'check', '--schema', schema.dumpPath, changeFile])).seconds,
    );
  }
  const mb = Buffer.byteLength(readFileSync(changeFile)) / 1e6;
  row(
    'check --schema throughput, 110 MB change file',
    `${(mb / median(schemaRuns)).toFixed(1)} MB/s`,
    '',
    undefined,
    `${schema.editorSchema.label}; without --schema ${(mb / median(plainRuns)).toFixed(1)} MB/s in the same run (${(median(schemaRuns) / median(plainRuns)).toFixed(2)}× the time)`,
  );
  bench.results.schema = { reads, roots, ldapsearch, parses, python, without, withSchema, plainRuns, schemaRuns };
}

/** Hands the schema to a running language server; the time until the open document is re-checked, and the server's parse time. */
export async function handSchema(
  client: LspClient,
  uri: string,
  schema: BenchSchema,
): Promise<{ ms: number; parseMs: number }> {
  const republished = client.nextDiagnostics(uri, undefined, 30_000);
  const params: SetSchemaParams = {
    schema: {
      label: 'bench',
      source: 'live',
      fetchedAt: schema.fetched.fetchedAt,
      server: schema.fetched.server,
      definitions: schema.editorSchema.definitions,
    },
  };
  const [ms, result] = await timed(async () => {
    const answer = await client.connection.sendRequest<SetSchemaResult>(SET_SCHEMA_METHOD, params);
    await republished;
    return answer;
  });
  return { ms, parseMs: result.parseMs };
}

/** `count` adds of users as an IdM admin writes them, valid for the 389-DS default schema. */
function userAdds(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      `dn: uid=user${i},ou=People,dc=example,dc=com`,
      'changetype: add',
      'objectClass: top',
      'objectClass: person',
      'objectClass: organizationalPerson',
      'objectClass: inetOrgPerson',
      'objectClass: posixAccount',
      `uid: user${i}`,
      `cn: User ${i}`,
      `sn: Number${i}`,
      `givenName: User`,
      `mail: user${i}@example.com`,
      `telephoneNumber: +1 555 ${String(i).padStart(4, '0')}`,
      `uidNumber: ${10000 + i}`,
      `gidNumber: ${10000 + i}`,
      `homeDirectory: /home/user${i}`,
      `loginShell: /bin/bash`,
      `description: generated user ${i}`,
      '',
    );
  }
  return out.join('\n');
}
