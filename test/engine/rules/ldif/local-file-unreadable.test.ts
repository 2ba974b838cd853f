import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { checkStream } from '../../../../server/src/cli/check';
import { LocalFileInspector } from '../../../../server/src/apply/preflight';
import { loadCatalog } from '../../../../server/src/engine/catalog';
import type { Diagnostic } from '../../../../server/src/engine/ldif/ast';

async function check(text: string, baseDir: string, maxBytes = 2 * 1024 * 1024): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  await checkStream(Readable.from([text]), loadCatalog(), async (diagnostics) => void found.push(...diagnostics), {
    files: { localFiles: new LocalFileInspector(maxBytes), baseDir },
  });
  return found.filter((d) => d.code === 'ldif/local-file-unreadable');
}

const modify = (url: string) =>
  `dn: uid=j,dc=example,dc=com\nchangetype: modify\nreplace: description\ndescription:< ${url}\n-\n`;

test('check warns about a missing local file, naming the path it resolved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsl-unreadable-'));
  const [d] = await check(modify('file://missing.txt'), dir);
  assert.equal(d.severity, 'warning');
  assert.equal(
    d.message,
    `The file ${join(dir, 'missing.txt')} named by "file://missing.txt" does not exist: applying this record would fail without sending it.`,
  );
});

test('check warns about a file over the size cap and about a device, and says nothing of a good file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsl-unreadable-'));
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(2048));
  writeFileSync(join(dir, 'ok.txt'), 'fine');
  const [big] = await check(modify('file://big.bin'), dir, 1024);
  assert.match(big.message, /is 2 KiB, more than the 1 KiB a value may be read from/);
  const [device] = await check(modify('file:///dev/zero'), dir);
  assert.match(device.message, /is a device; only regular files are read/);
  assert.deepEqual(await check(modify('file://ok.txt'), dir), []);
});
