import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateToString } from '../../bench/generate';

// The built CLI: a worker runs the bundle it is started from, and only the bundle starts one.
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Above the size from which `check` scans a file on two threads (`TWO_THREADS_FROM`). */
const LARGE = 17 << 20;

let folder: string;
before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds it first)');
  // Without the worker's bundle beside the CLI's, one thread would read every file.
  assert.ok(existsSync(join(CLI, '..', 'scanWorker.js')), 'dist/scanWorker.js is built beside it');
  // The two-thread scan runs only where there are two cores: here it must, or these tests prove nothing.
  assert.ok(availableParallelism() >= 2, `${availableParallelism()} core: the two-thread scan would not run`);
  folder = mkdtempSync(join(tmpdir(), 'winsync-two-threads-'));
});
after(() => rmSync(folder, { recursive: true, force: true }));

/** `check --format json` of a file by its path (two threads when large) and of the same bytes on standard input (one). */
function bothWays(name: string, text: string): { byPath: string; byStdin: string; stderr: string } {
  const path = join(folder, name);
  writeFileSync(path, text);
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], {
      input,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  const byPath = run([path]);
  const byStdin = run(['-'], text);
  assert.equal(byPath.status, byStdin.status, byPath.stderr);
  assert.doesNotMatch(byPath.stderr, /cannot read|internal error/);
  return {
    byPath: byPath.stdout.replaceAll(JSON.stringify(path), '"-"'),
    byStdin: byStdin.stdout,
    stderr: byPath.stderr,
  };
}

test('a large file scanned on two threads gives what one thread gives, line numbers past the split included', () => {
  const text = generateToString({ seed: 11, bytes: LARGE, errorRate: 0.01 });
  const { byPath, byStdin } = bothWays('large.ldif', text);
  const found = JSON.parse(byPath) as { line: number }[];
  // Findings all through the file, so a wrong line count at the split shows.
  const lines = text.split('\n').length;
  assert.ok(found.some((d) => d.line > lines * 0.6) && found.some((d) => d.line < lines * 0.4), `${found.length}`);
  assert.equal(byPath, byStdin);
});

test('with CRLF line breaks, the split after a blank line gives what one thread gives', () => {
  const text = generateToString({ seed: 12, bytes: LARGE, errorRate: 0.01 }).replaceAll('\n', '\r\n');
  const { byPath, byStdin } = bothWays('crlf.ldif', text);
  assert.ok(JSON.parse(byPath).length > 100);
  assert.equal(byPath, byStdin);
});

test('a second half that is kept whole waits for the first: it is all checked, in order', () => {
  // Records under cn=config are never quiet: the worker keeps all it reads, beyond what it may send ahead.
  const record = (i: number) =>
    `dn: cn=entry${i},cn=config\nchangetype: modify\nreplace: description\ndescription: ${i % 7 === 0 ? 'x ' : 'x'}\n-\n\n`;
  const records: string[] = [];
  let size = 0;
  for (let i = 0; size < LARGE; i++) size += (records[i] = record(i)).length;
  const { byPath, byStdin } = bothWays('kept.ldif', records.join(''));
  const found = JSON.parse(byPath) as { code: string }[];
  assert.ok(found.length > records.length / 8 && found.every((d) => d.code === 'ldif/trailing-space'));
  assert.equal(byPath, byStdin);
});

test('a file with no blank line near its middle is read by one thread, with the same result', () => {
  // One record whose folded value spans the whole file.
  const line = ` ${'A'.repeat(75)}\n`;
  const text = `dn: cn=photo,dc=example,dc=com\nchangetype: add\nobjectClass: top\njpegPhoto:: ${line.repeat(LARGE / line.length)}cn: photo\n\ndn: cn=bad,dc=example\nchangetype: modfy\n`;
  const { byPath, byStdin } = bothWays('one-record.ldif', text);
  assert.match(byPath, /ldif\/unknown-changetype/);
  assert.equal(byPath, byStdin);
});
