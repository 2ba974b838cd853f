import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratch, smallRecords, writeChunks } from './measure';

const MiB = 1024 * 1024;

describe('winsync-ldif check on hostile input', () => {
  const { dir, cleanup } = scratch();
  after(cleanup);

  test('a 100 MB single line is checked within 60 s and 600 MiB, and no message quotes it whole', async (t) => {
    const file = join(dir, 'line.ldif');
    const chunk = 'a'.repeat(MiB);
    await writeChunks(
      file,
      (function* () {
        yield 'dn: cn=';
        for (let i = 0; i < 100; i++) yield chunk;
      })(),
    );
    const run = await runCli(['check', '-'], { stdinFile: file, timeoutMs: 60_000 });
    t.diagnostic(`${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMiB.toFixed(0)} MiB`);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    assert.match(run.stderr, /1 file checked/);
    assert.ok(run.stdoutBytes < 64 * 1024, `${run.stdoutBytes} bytes of output`);
    assert.ok(run.seconds < 60, `${run.seconds.toFixed(1)} s`);
    assert.ok(run.maxRssMiB < 600, `peak RSS ${run.maxRssMiB.toFixed(0)} MiB`);
  });

  test('a million small records stream through in under 150 MiB', async (t) => {
    const file = join(dir, 'million.ldif');
    await writeChunks(file, smallRecords(1_000_000));
    const run = await runCli(['check', '-'], { stdinFile: file, timeoutMs: 120_000 });
    t.diagnostic(`${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMiB.toFixed(0)} MiB`);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /1 file checked: 0 errors, 0 warnings/);
    assert.ok(run.maxRssMiB < 150, `peak RSS ${run.maxRssMiB.toFixed(0)} MiB`);
  });

  describe('bytes that are not UTF-8, and NUL bytes', () => {
    const lines: (string | number[])[][] = [
      ['dn: cn=M', [0xfc], 'ller,dc=example,dc=com'], // Latin-1 ü
      ['cn: M', [0xfc], 'ller'],
      ['description: a', [0x00], 'b'], // NUL in a value
      ['c', [0x00], 'n: x'], // NUL in a name
      ['jpegPhoto: ', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'], // binary pasted as text
      ['sn: cut short ', [0xe2, 0x82]], // a sequence cut off
      [''],
      ['dn: cn=', [0xc0, 0xaf], ',dc=example,dc=com'], // overlong "/"
      ['cn: x', [0xed, 0xa0, 0x80]], // an encoded surrogate
    ];
    const toBytes = (part: string | number[]) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part));
    const bytes = Buffer.concat(lines.flatMap((parts) => [...parts.map(toBytes), Buffer.from('\n')]));
    let found: { line: number; severity: string; code: string; message: string }[] = [];
    let code: number | null = null;

    before(async () => {
      writeFileSync(join(dir, 'bytes.ldif'), bytes);
      const run = await runCli(['check', '--format', 'json', 'bytes.ldif'], { cwd: dir, timeoutMs: 30_000 });
      code = run.code;
      found = JSON.parse(run.stdout);
    });

    test('the check finishes with exit 1 (errors found), not 2', () => {
      assert.equal(code, 1);
    });

    test('every line that had invalid bytes gets an error saying so', () => {
      const lines = found.filter((d) => d.code === 'ldif/replacement-character').map((d) => d.line);
      assert.deepEqual(lines, [1, 2, 5, 6, 8, 9]);
      for (const d of found.filter((d) => d.code === 'ldif/replacement-character')) {
        assert.equal(d.severity, 'error');
        assert.match(d.message, /not valid UTF-8/);
      }
    });

    test('a NUL in a value and in a name are reported where they are', () => {
      assert.ok(
        found.some((d) => d.line === 3 && d.code === 'ldif/must-base64' && /NUL/.test(d.message)),
        JSON.stringify(found),
      );
      assert.ok(
        found.some((d) => d.line === 4 && d.code === 'ldif/invalid-attribute-description'),
        JSON.stringify(found),
      );
    });
  });
});
