/**
 * `attr:< file://…` values: local files whose content a record sends to the server. Like
 * ldapmodify, everything after `file://` is the path, and a relative path starts at the LDIF
 * file's folder. Only regular files are read, opened without blocking (a FIFO or a device
 * never hangs the run) and checked after opening, up to a size cap: 2 MiB by default, the
 * request size 389-DS accepts unless nsslapd-maxbersize is raised.
 */
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RecordTraits, type AttrLine, type Diagnostic, type LdifRecord, type Range } from '../engine/ldif/ast';
import localFileUnreadable, { localFileUnreadableMessage } from '../engine/rules/ldif/local-file-unreadable';
import { fileUrlPath } from '../engine/ldif/fileUrl';
import { advice, type Remedy } from './errors';

export const DEFAULT_MAX_FILE_VALUE_BYTES = 2 * 1024 * 1024;

/** A `:<` value of a record: the URL as written and the line that holds it. */
export interface UrlReference {
  readonly url: string;
  readonly line: AttrLine;
}

export type LocalFileCheck =
  | { readonly ok: true; readonly path: string; readonly size: number }
  | { readonly ok: false; readonly path: string | undefined; readonly problem: string; readonly remedy: Remedy };

export type LocalValue =
  { readonly ok: true; readonly path: string; readonly bytes: Uint8Array } | Extract<LocalFileCheck, { ok: false }>;

/** Every `:<` value of the record: attribute and mod-spec values, and control values. */
export function urlReferences(record: LdifRecord): UrlReference[] {
  const found: UrlReference[] = [];
  if ((record.traits & RecordTraits.urlValue) === 0) return found;
  const add = (line: AttrLine, value: string | undefined) => found.push({ url: (value ?? line.rawValue).trim(), line });
  for (const line of record.attributes) if (line.encoding === 'url') add(line, line.value);
  for (const spec of record.modifications)
    for (const line of spec.values) if (line.encoding === 'url') add(line, line.value);
  for (const control of record.controls) if (control.valueEncoding === 'url') add(control.line, control.value);
  return found;
}

/** Path of a file URL (relative ones resolved against `baseDir`), or undefined for other schemes. */
export function filePathOf(url: string, baseDir: string | undefined): string | undefined {
  const file = fileUrlPath(url);
  if (!file) return undefined;
  if (!file.relative) return file.path;
  return baseDir === undefined ? undefined : resolve(baseDir, file.path);
}

/** `file:///abs/path`, percent-encoded: how the reject file writes a value that was relative. */
export function fileUrlOf(path: string): string {
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** `2.0 MiB`, `512 KiB`, `17 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

const NOT_A_FILE_URL: Remedy = advice(
  'Only file:// URLs are read; save the value to a file and write attr:< file:///path/to/file.',
);
const FIX_PATH: Remedy = advice("Correct the path after file:// (relative paths start at the LDIF file's folder).");

/** What a path that is not a regular file is, for messages: `a folder`, `a FIFO`, `a device`, `a socket`. */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Open flags: never block on a FIFO, never make a terminal ours. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Whether the URL's file can be sent: a regular file no larger than `maxBytes`. Reads nothing. */
export async function inspectLocalFile(
  url: string,
  baseDir: string | undefined,
  maxBytes: number,
): Promise<LocalFileCheck> {
  const opened = await openRegular(url, baseDir, maxBytes);
  if (!opened.ok) return opened;
  await opened.handle.close();
  return { ok: true, path: opened.path, size: opened.size };
}

/** The content of the URL's file, under the same rules as inspectLocalFile; a file that grew past the cap is refused. */
export async function readLocalFile(url: string, baseDir: string | undefined, maxBytes: number): Promise<LocalValue> {
  const opened = await openRegular(url, baseDir, maxBytes);
  if (!opened.ok) return opened;
  const { handle, path } = opened;
  try {
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooBig(path, url, maxBytes, `more than ${formatSize(maxBytes)}`);
      if (length === buffer.length) break;
    }
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    FILE_VALUES.set(bytes, { path, size: length });
    return { ok: true, path, bytes };
  } catch (error) {
    return {
      ok: false,
      path,
      problem: `the file ${path} named by "${url}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      remedy: FIX_PATH,
    };
  } finally {
    await handle.close();
  }
}

type Opened =
  | { ok: true; path: string; size: number; handle: Awaited<ReturnType<typeof open>> }
  | Extract<LocalFileCheck, { ok: false }>;

async function openRegular(url: string, baseDir: string | undefined, maxBytes: number): Promise<Opened> {
  const path = filePathOf(url, baseDir);
  if (path === undefined) {
    if (/^file:/i.test(url) && !fileUrlPath(url)) {
      return { ok: false, path: undefined, problem: `the file URL "${url}" names no file`, remedy: FIX_PATH };
    }
    if (/^file:/i.test(url)) {
      return {
        ok: false,
        path: undefined,
        problem: `the relative path in "${url}" has no folder to start from (the document is not saved)`,
        remedy: advice('Save the document, or write an absolute path: file:///path/to/file.'),
      };
    }
    return {
      ok: false,
      path: undefined,
      problem: `the value URL "${url}" is not a file:// URL`,
      remedy: NOT_A_FILE_URL,
    };
  }
  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'EACCES'
            ? 'is not readable'
            : `cannot be opened (${code ?? 'error'})`;
    return { ok: false, path, problem: `the file ${path} named by "${url}" ${reason}`, remedy: FIX_PATH };
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    const kind = fileKind(info);
    return {
      ok: false,
      path,
      problem: `the file ${path} named by "${url}" is ${kind}; only regular files are read`,
      remedy: advice('Save the value to a regular file and name that file after file://.'),
    };
  }
  if (info.size > maxBytes) {
    await handle.close();
    return tooBig(path, url, maxBytes, formatSize(info.size));
  }
  return { ok: true, path, size: info.size, handle };
}

function tooBig(path: string, url: string, maxBytes: number, size: string): Extract<LocalFileCheck, { ok: false }> {
  return {
    ok: false,
    path,
    problem: `the file ${path} named by "${url}" is ${size}, more than the ${formatSize(maxBytes)} a value may be read from`,
    remedy: {
      kind: 'raise-file-limit',
      limit: maxBytes,
      advice:
        '389-DS refuses requests over nsslapd-maxbersize (2 MiB unless raised); check the path, or raise that limit on the server too.',
    },
  };
}

/** Values read from local files, so output can show their file, size and digest instead of their content. */
const FILE_VALUES = new WeakMap<Uint8Array, { readonly path: string; readonly size: number }>();

/** `(file /path: 1.2 KiB, sha256 0a1b2c3d4e5f6a7b)` for a value read by readLocalFile; undefined for any other value. */
export function describeFileValue(bytes: Uint8Array): string | undefined {
  const file = FILE_VALUES.get(bytes);
  if (!file) return undefined;
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `(file ${file.path}: ${formatSize(file.size)}, sha256 ${digest}…)`;
}

/** A `:<` value of a record and what inspecting its file found. */
export interface LocalFileInspection {
  /** 1-based line of the `:<` value. */
  readonly line: number;
  readonly url: string;
  readonly check: LocalFileCheck;
  readonly range: Range;
}

/** Inspects each distinct local file once per run (a file named by 200k records is opened once). */
export class LocalFileInspector {
  private readonly known = new Map<string, LocalFileCheck>();

  constructor(private readonly maxBytes: number) {}

  async inspect(record: LdifRecord, baseDir: string | undefined): Promise<LocalFileInspection[]> {
    const found: LocalFileInspection[] = [];
    for (const { url, line } of urlReferences(record)) {
      const key = `${baseDir ?? ''}\u0000${url}`;
      let check = this.known.get(key);
      if (!check) {
        check = await inspectLocalFile(url, baseDir, this.maxBytes);
        this.known.set(key, check);
      }
      found.push({ line: line.line.range.start.line + 1, url, check, range: line.valueRange });
    }
    return found;
  }
}

/** The diagnostic for a local file that cannot be sent: a warning for `check`, an error that blocks an apply. */
export function localFileDiagnostic(problem: string, range: Range, severity: 'error' | 'warning'): Diagnostic {
  return {
    code: localFileUnreadable.meta.code,
    severity,
    range,
    message: localFileUnreadableMessage(problem),
  };
}
