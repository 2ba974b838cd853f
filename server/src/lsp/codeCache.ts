/**
 * Runs a CommonJS bundle (dist/server.js) from a V8 code cache kept in a folder of the user's own
 * (the extension's global storage). Compiling the 500 KB bundle and the functions a first check
 * calls is about half of the server's own start; with the cache, V8 reads them compiled.
 *
 * A code cache is code: V8 checks its version, flags and the source's length, not what the
 * bytecode does. So the folder must be a real folder of this user that nobody else can write to,
 * the file a regular file of this user, read without following a link; and the file's name holds
 * a hash of the bundle and of the runtime, so an update never meets a cache of another bundle.
 * Anything else and the bundle is compiled as node would, with a note on stderr.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A larger file is not a cache this bundle wrote (the server's is about 0.8 MB). */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const PREFIX = 'server-';
const SUFFIX = '.v8cache';
/** When the first checks have compiled what they call, without delaying them. */
const WRITE_AFTER_MS = 3000;
const OPEN_CACHE = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** What became of the cache: read and taken by V8, absent, refused by V8 (then written anew), or not used at all. */
export type CodeCacheState = 'used' | 'absent' | 'rejected' | 'unused';

export interface CodeCacheRun {
  readonly state: CodeCacheState;
  /** What the bundle left in module.exports. */
  readonly exports: unknown;
}

/** Where a problem with the cache is told: one line each, never thrown (the server starts regardless). */
export type CacheNote = (message: string) => void;

/**
 * Compiles and runs `file` as node runs a CommonJS module, from the cache in `folder` when there is
 * one there. When it was absent or refused, the cache is saved once: 3 s later, or as the process
 * exits if that comes first. Without a folder it only runs the bundle.
 */
export function runWithCodeCache(
  file: string,
  folder: string | undefined,
  note: CacheNote = (message) => process.stderr.write(`winsync-ldif: ${message}\n`),
): CodeCacheRun {
  const source = readFileSync(file, 'utf8');
  const place = folder === undefined ? undefined : privateFolder(folder, note);
  const path = place === undefined ? undefined : join(place, cacheName(source));
  const cachedData = path === undefined ? undefined : readCache(path, note);
  const script = new Script(wrap(source), { filename: file, cachedData });
  const state: CodeCacheState = !path
    ? 'unused'
    : !cachedData
      ? 'absent'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  let pending = state === 'absent' || state === 'rejected';
  const timer = pending ? setTimeout(save, WRITE_AFTER_MS).unref() : undefined;
  function save(): void {
    if (!pending || path === undefined) return;
    pending = false;
    clearTimeout(timer);
    process.removeListener('exit', save);
    writeCache(path, script.createCachedData(), note);
  }
  if (pending) process.once('exit', save);
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} as unknown, filename: file, id: file };
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { state, exports: module.exports };
}

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;

/** The function node wraps a CommonJS module in (its own wrapper is the same text). */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/** The bundle and the runtime that compiled it: a cache of another pair is never read. */
function cacheName(source: string): string {
  const hash = createHash('sha256')
    .update(`${process.version} ${process.arch} ${process.versions.v8}\0`)
    .update(source)
    .digest('hex');
  return `${PREFIX}${hash.slice(0, 32)}${SUFFIX}`;
}

/** `folder`, created if missing, when it is a real folder of this user that no one else can write to. */
function privateFolder(folder: string, note: CacheNote): string | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    // Windows has no owner ids (getuid) or mode bits worth reading: its folders' rights are in ACLs.
    const uid = process.getuid?.();
    const why = !stat.isDirectory()
      ? 'is not a folder (a symbolic link is not followed)'
      : uid !== undefined && stat.uid !== uid
        ? `belongs to another user (uid ${stat.uid})`
        : uid !== undefined && (stat.mode & 0o022) !== 0
          ? 'can be written by other users'
          : undefined;
    if (!why) return folder;
    note(`the code cache folder ${folder} ${why}; the server starts without it.`);
  } catch (error) {
    note(`the code cache folder ${folder} cannot be used (${codeOf(error)}); the server starts without it.`);
  }
  return undefined;
}

/** The cache's bytes, or undefined when there is none or it is not a regular file of this user. */
function readCache(path: string, note: CacheNote): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_CACHE);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') note(`the code cache ${path} cannot be read (${codeOf(error)}); it is replaced.`);
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) {
      note(`the code cache ${path} is not a regular file of at most ${MAX_CACHE_BYTES} bytes; it is replaced.`);
      return undefined;
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      note(`the code cache ${path} belongs to another user (uid ${stat.uid}); it is replaced.`);
      return undefined;
    }
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    for (let read = -1; read !== 0 && filled < bytes.length; filled += read) {
      read = readSync(fd, bytes, filled, bytes.length - filled, filled);
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    note(`the code cache ${path} cannot be read (${codeOf(error)}); it is replaced.`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to a new file of mode 0600 beside `path` and renames it into place (rename replaces
 * the entry, never follows it), then removes the caches of other bundles in the folder.
 */
function writeCache(path: string, data: Buffer, note: CacheNote): void {
  const folder = dirname(path);
  const temporary = join(folder, `.${PREFIX}${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, CREATE, 0o600);
    try {
      for (let written = 0; written < data.length;) written += writeSync(fd, data, written);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    note(`the code cache ${path} cannot be written (${codeOf(error)}); the next start compiles again.`);
    try {
      unlinkSync(temporary);
    } catch {
      // It was never created.
    }
    return;
  }
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || join(folder, name) === path) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // Gone already, or not ours to remove: it is never read, whatever it is.
    }
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
