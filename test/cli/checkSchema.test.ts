import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFINITIONS } from '../engine/schema/fixture';
import { runCli } from './helpers';

let dir: string;
const RECORDS =
  'dn: cn=x,dc=example\nobjectClass: person\nmail: a@b\n\ndn: cn=y,dc=example\nobjectClass: person\nsn: y\n';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'winsync-check-schema-'));
  const lines = (name: string, list: readonly string[] = []) => list.map((text) => `${name}: ${text}`);
  writeFileSync(
    join(dir, 'schema.ldif'),
    [
      'dn: cn=schema',
      ...lines('attributeTypes', DEFINITIONS.attributeTypes),
      ...lines('objectClasses', DEFINITIONS.objectClasses),
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'schema.d'));
  writeFileSync(
    join(dir, 'schema.d', '00core.ldif'),
    ['dn: cn=schema', ...lines('attributeTypes', DEFINITIONS.attributeTypes), ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'schema.d', '10classes.ldif'),
    ['dn: cn=schema', ...lines('objectClasses', DEFINITIONS.objectClasses), ''].join('\n'),
  );
  writeFileSync(join(dir, 'records.ldif'), RECORDS);
  writeFileSync(join(dir, 'empty.ldif'), 'dn: cn=a,dc=b\ncn: a\n');
  symlinkSync(join(dir, 'schema.ldif'), join(dir, 'link.ldif'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('winsync-ldif check with a schema', () => {
  test('--schema FILE: the schema checks run, the summary names the schema', async () => {
    const run = await runCli(['check', '--schema', 'schema.ldif', 'records.ldif'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['records.ldif:2:14: error schema/missing-must', 'records.ldif:3:1: error schema/not-allowed'],
    );
    assert.match(
      run.stderr,
      /^schema: schema\.ldif \(18 attribute types, 10 object classes\)\n1 file checked: 2 errors, 0 warnings\n$/,
    );
  });

  test('--schema FOLDER joins its *.ldif files (389-DS schema directory layout)', async () => {
    const run = await runCli(['check', '--schema', 'schema.d', '--format', 'json', 'records.ldif'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { code: string }[]).map((item) => item.code),
      ['schema/missing-must', 'schema/not-allowed'],
    );
  });

  test('without a schema the same file has no schema findings', async () => {
    const run = await runCli(['check', 'records.ldif'], { cwd: dir });
    assert.equal(run.code, 0);
  });

  test('bad schema sources and flags: exit 2 with one line saying what to do', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['check', '--schema', 'empty.ldif', 'records.ldif'],
        /holds no attributeTypes or objectClasses: dump the schema with ldapsearch/,
      ],
      [
        ['check', '--schema', 'nowhere.ldif', 'records.ldif'],
        /cannot read the schema nowhere\.ldif: no such file or folder/,
      ],
      [['check', '--schema', 'link.ldif', 'records.ldif'], /is not a regular file/],
      [
        ['check', '--schema', 'schema.ldif', '--url', 'ldap://127.0.0.1:1', 'records.ldif'],
        /either --schema FILE or --url URL/,
      ],
      [['check', '--bind-dn', 'cn=x', 'records.ldif'], /--bind-dn needs --url/],
      [['check', '--url', 'ldap://127.0.0.1:1', '--password-file', 'pw', 'records.ldif'], /a password needs --bind-dn/],
      [
        ['check', '--url', 'ldap://127.0.0.1:1', '--bind-dn', 'cn=x', 'records.ldif'],
        /no password source: pass --password-file F or --password-env VAR/,
      ],
    ];
    for (const [argv, expected] of cases) {
      const run = await runCli(argv, { cwd: dir });
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, expected);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });

  test('--url to a port where nothing listens: exit 2, the connection failure explained', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const run = await runCli(['check', '--url', `ldap://127.0.0.1:${port}`, 'records.ldif'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^winsync-ldif: cannot read the schema: .*127\.0\.0\.1:\d+.* Fix: /);
  });
});
