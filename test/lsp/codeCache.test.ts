import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { CodeCacheState } from '../../server/src/lsp/codeCache';
import { codeCacheFolderOf, launchArguments, serverEnvironment } from '../../server/src/lsp/launch';
import { tempDir } from '../tempDir';
import { LspClient } from './client';

/** A bundle of its own per test: a CommonJS module with enough functions to be worth caching. */
function bundle(dir: string, value: number): string {
  const file = join(dir, 'bundle.js');
  const functions = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${value}; }`);
  writeFileSync(
    file,
    `${functions.join('\n')}\nmodule.exports = { value: f1(0), dirname: __dirname, sum: [${functions.map((_, i) => `f${i}(1)`).join(',')}].length };\n`,
  );
  return file;
}

interface Run {
  state: CodeCacheState;
  exports: unknown;
  notes: string[];
}

/** Runs the bundle in a new process (codeCacheRun.ts), which saves the cache as it exits. */
function run(file: string, folder: string | undefined): Run {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'codeCacheRun.ts'), file, ...(folder === undefined ? [] : [folder])],
    // A run that waits (on a FIFO, say) fails instead of holding up the tests.
    { encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(output) as Run;
}

const caches = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));

/** A bundle run once with a cache folder, so that its cache is there: the bundle, the folder and the cache's path. */
function cachedBundle(value: number): { dir: string; folder: string; file: string; path: string } {
  const dir = tempDir('winsync-code-cache-');
  const folder = join(dir, 'cache');
  const file = bundle(dir, value);
  run(file, folder);
  return { dir, folder, file, path: join(folder, caches(folder)[0]) };
}

test('the first run writes the cache (0600, in a 0700 folder it creates), the next is compiled from it', () => {
  const dir = tempDir('winsync-code-cache-');
  const file = bundle(dir, 7);
  const folder = join(dir, 'storage', 'code-cache');
  const first = run(file, folder);
  assert.equal(first.state, 'absent');
  assert.deepEqual(first.exports, { value: 7, dirname: dir, sum: 200 });
  assert.equal(caches(folder).length, 1);
  assert.equal(statSync(folder).mode & 0o777, 0o700);
  assert.equal(statSync(join(folder, caches(folder)[0])).mode & 0o777, 0o600);
  const second = run(file, folder);
  assert.equal(second.state, 'used');
  assert.deepEqual(second.exports, { value: 7, dirname: dir, sum: 200 });
  assert.deepEqual([...first.notes, ...second.notes], []);
});

test('a changed bundle never reads the cache of the old one, and its save removes it', () => {
  const { dir, folder, file } = cachedBundle(1);
  const old = caches(folder);
  bundle(dir, 2);
  const changed = run(file, folder);
  assert.equal(changed.state, 'absent');
  assert.equal((changed.exports as { value: number }).value, 2);
  assert.equal(caches(folder).length, 1);
  assert.notDeepEqual(caches(folder), old);
});

test('a damaged cache is refused by V8, the bundle still runs, and the cache is written anew', () => {
  const { folder, file, path } = cachedBundle(3);
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 0, 64);
  writeFileSync(path, bytes);
  const damaged = run(file, folder);
  assert.equal(damaged.state, 'rejected');
  assert.equal((damaged.exports as { value: number }).value, 3);
  assert.equal(run(file, folder).state, 'used');
});

test('a symbolic link in the place of the cache is not followed, and is replaced, not written through', () => {
  const { dir, folder, file, path } = cachedBundle(4);
  const target = join(dir, 'elsewhere');
  writeFileSync(target, readFileSync(path));
  const before = readFileSync(target);
  rmSync(path);
  symlinkSync(target, path);
  const linked = run(file, folder);
  assert.equal(linked.state, 'absent');
  assert.match(linked.notes.join('\n'), /cannot be read \(ELOOP\); it is replaced/);
  assert.ok(lstatSync(path).isFile());
  assert.deepEqual(readFileSync(target), before);
});

test('a FIFO in the place of the cache is not waited on', () => {
  const { folder, file, path } = cachedBundle(5);
  rmSync(path);
  execFileSync('mkfifo', [path]);
  const fifo = run(file, folder);
  assert.equal(fifo.state, 'absent');
  assert.match(fifo.notes.join('\n'), /is not a regular file of at most \d+ bytes; it is replaced/);
  assert.ok(lstatSync(path).isFile());
});

test('a folder others can write to, or a link to a folder, is not used at all', () => {
  const dir = tempDir('winsync-code-cache-');
  const file = bundle(dir, 6);
  const shared = join(dir, 'shared');
  mkdirSync(shared);
  chmodSync(shared, 0o777);
  const open = run(file, shared);
  assert.equal(open.state, 'unused');
  assert.equal((open.exports as { value: number }).value, 6);
  assert.match(open.notes.join('\n'), /shared can be written by other users; the server starts without it/);
  assert.deepEqual(readdirSync(shared), []);

  const real = join(dir, 'real');
  mkdirSync(real, { mode: 0o700 });
  const link = join(dir, 'link');
  symlinkSync(real, link);
  const linked = run(file, link);
  assert.equal(linked.state, 'unused');
  assert.match(linked.notes.join('\n'), /is not a folder \(a symbolic link is not followed\)/);
  assert.deepEqual(readdirSync(real), []);
});

test('without a folder the bundle runs compiled as usual and nothing is written', () => {
  const dir = tempDir('winsync-code-cache-');
  const file = bundle(dir, 8);
  const plain = run(file, undefined);
  assert.equal(plain.state, 'unused');
  assert.deepEqual(plain.notes, []);
  assert.deepEqual(readdirSync(dir), ['bundle.js']);
});

test('the launch arguments carry the folder to the launcher, and the environment drops NODE_EXTRA_CA_CERTS only', () => {
  assert.equal(codeCacheFolderOf(['node', 'serverLauncher.js', ...launchArguments('/a b/c'), '--stdio']), '/a b/c');
  assert.equal(codeCacheFolderOf(['node', 'serverLauncher.js', ...launchArguments(undefined), '--stdio']), undefined);
  const environment = serverEnvironment({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' });
  assert.deepEqual(environment, { PATH: '/bin', NODE_EXTRA_CA_CERTS: undefined });
});

test('the language server started as the client starts it keeps its cache across starts and answers the same', async () => {
  const folder = join(tempDir('winsync-code-cache-'), 'code-cache');
  const text =
    'dn: cn=ipa-winsync,cn=plugins,cn=config\nchangetype: modify\nreplace: ipaWinSyncAcctDisable\nipaWinSyncAcctDisable: sometimes\n';
  const saved = process.env.NODE_EXTRA_CA_CERTS;
  process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
  const answers: unknown[] = [];
  const inodes: number[] = [];
  try {
    for (let start = 0; start < 2; start++) {
      const client = await LspClient.start({}, undefined, folder);
      try {
        answers.push((await client.open('file:///work/cached.ldif', text)).map((d) => [d.code, d.range.start.line]));
        // The server runs without the variable (node would parse that file at every start).
        const environ = readFileSync(`/proc/${client.pid}/environ`, 'utf8').split('\0');
        assert.ok(!environ.some((entry) => entry.startsWith('NODE_EXTRA_CA_CERTS=')));
      } finally {
        await client.stop();
      }
      assert.equal(caches(folder).length, 1);
      inodes.push(statSync(join(folder, caches(folder)[0])).ino);
    }
  } finally {
    if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = saved;
  }
  assert.deepEqual(answers[0], [['winsync/invalid-enum', 3]]);
  assert.deepEqual(answers[1], answers[0]);
  // The first server wrote its cache as it exited; V8 took it in the second, which left it as it was
  // (a refused cache is written anew, as a new file).
  assert.equal(inodes[1], inodes[0]);
});
