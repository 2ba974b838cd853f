import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from './helpers';
import { checkStream } from '../../server/src/cli/check';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { Diagnostic } from '../../server/src/engine/ldif/ast';
import { tempDir } from '../tempDir';

const GOOD = 'dn: cn=x,dc=example,dc=com\nchangetype: modify\nreplace: description\ndescription: fine\n-\n';
const BAD = 'dn: cn=x,dc=example,dc=com\nchangetype: update\n';

function workspace(files: Record<string, string>): string {
  const dir = tempDir('wsl-check-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('winsync-ldif check', () => {
  test('exit 0 and no output lines for a clean file', async () => {
    const cwd = workspace({ 'good.ldif': GOOD });
    const run = await runCli(['check', 'good.ldif'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /1 file checked: 0 errors, 0 warnings/);
  });

  test('text format: file:line:col: severity code message, exit 1 on errors', async () => {
    const cwd = workspace({ 'bad.ldif': BAD });
    const run = await runCli(['check', 'bad.ldif'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      'bad.ldif:2:13: error ldif/unknown-changetype Unknown changetype "update": use add, delete, modify, modrdn or moddn.\n',
    );
  });

  test('json format: one array with 1-based positions', async () => {
    const cwd = workspace({ 'bad.ldif': BAD, 'good.ldif': GOOD });
    const run = await runCli(['check', '--format', 'json', 'good.ldif', 'bad.ldif'], { cwd });
    assert.equal(run.code, 1);
    assert.deepEqual(JSON.parse(run.stdout), [
      {
        file: 'bad.ldif',
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 19,
        severity: 'error',
        code: 'ldif/unknown-changetype',
        message: 'Unknown changetype "update": use add, delete, modify, modrdn or moddn.',
      },
    ]);
    assert.deepEqual(JSON.parse((await runCli(['check', '--format=json', 'good.ldif'], { cwd })).stdout), []);
  });

  test('sarif format: a valid 2.1.0 log naming the rule', async () => {
    const cwd = workspace({ 'bad.ldif': BAD });
    const run = await runCli(['check', '--format', 'sarif', 'bad.ldif'], { cwd });
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'ldif/unknown-changetype');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: 2,
      startColumn: 13,
      endLine: 2,
      endColumn: 19,
    });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'bad.ldif');
    assert.equal(log.runs[0].tool.driver.rules[0].id, 'ldif/unknown-changetype');
  });

  test('sarif format: each rule links to its documentation page', async () => {
    const cwd = workspace({ 'bad.ldif': BAD });
    const log = JSON.parse((await runCli(['check', '--format', 'sarif', 'bad.ldif'], { cwd })).stdout);
    const [rule] = log.runs[0].tool.driver.rules;
    assert.equal(
      rule.helpUri,
      'https://github.com/winsync-ldif/winsync-ldif/blob/main/docs/rules/ldif/unknown-changetype.md',
    );
    assert.equal(rule.shortDescription.text, 'changetype must be add, delete, modify, modrdn or moddn.');
  });

  test('folders are searched for *.ldif files; - reads standard input', async () => {
    const cwd = workspace({ 'conf/a.ldif': BAD, 'conf/sub/b.ldif': BAD, 'conf/notes.txt': BAD });
    const run = await runCli(['check', '--format', 'json', 'conf'], { cwd });
    assert.deepEqual(
      JSON.parse(run.stdout).map((d: { file: string }) => d.file),
      ['conf/a.ldif', 'conf/sub/b.ldif'],
    );
    const piped = await runCli(['check', '-'], { stdin: BAD });
    assert.equal(piped.code, 1);
    assert.match(piped.stdout, /^-:2:13: error ldif\/unknown-changetype/);
  });

  test('--max-warnings turns too many warnings into exit 1', async () => {
    const cwd = workspace({ 'warn.ldif': 'dn: cn=a\ncn: a\n\t\ndn: cn=b\ncn: b\n' });
    assert.equal((await runCli(['check', 'warn.ldif'], { cwd })).code, 0);
    assert.equal((await runCli(['check', '--max-warnings', '0', 'warn.ldif'], { cwd })).code, 1);
    assert.equal((await runCli(['check', '--max-warnings', '1', 'warn.ldif'], { cwd })).code, 0);
  });

  test('usage and I/O problems: exit 2 with one line on stderr', async () => {
    for (const argv of [
      ['check'],
      ['check', '--format', 'xml', 'a.ldif'],
      ['check', '--bogus'],
      ['check', 'missing.ldif'],
      ['frobnicate'],
    ]) {
      const run = await runCli(argv, { cwd: workspace({}) });
      assert.equal(run.code, 2, argv.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^winsync-ldif: /);
    }
  });
});

describe('checkStream', () => {
  test('reads a stream in pieces and reports positions in the whole file', async () => {
    const records = Array.from(
      { length: 3000 },
      (_, i) => `dn: cn=u${i},dc=example,dc=com\ncn: u${i}\ndescription: ${'x'.repeat(400)}\n`,
    );
    records[2500] = 'dn: cn=broken\nchangetype: update\n';
    const text = records.join('\n');
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 7919) chunks.push(text.slice(i, i + 7919));
    const found: Diagnostic[] = [];
    const counts = await checkStream(Readable.from(chunks), loadCatalog(), async (d) => {
      found.push(...d);
    });
    assert.equal(counts.errors, 1);
    assert.equal(found[0].code, 'ldif/unknown-changetype');
    assert.equal(found[0].range.start.line, 2500 * 4 + 1);
  });
});

describe('the built command', () => {
  test('a reader that closes the pipe early ends the run quietly, without a stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    const records = Array.from({ length: 5000 }, (_, i) => `dn: cn=u${i},dc=example,dc=com\nchangetype: update\n`).join(
      '\n',
    );
    const result = spawnSync('bash', ['-c', `node "${cli}" check --format json - | head -c 100 >/dev/null`], {
      input: records,
      encoding: 'utf8',
    });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });
});
