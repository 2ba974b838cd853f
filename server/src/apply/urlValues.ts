/**
 * `attr:< file://…` values: the only I/O planning needs, done up front so that planning
 * itself stays a pure function. Like ldapmodify, everything after `file://` is the path;
 * a relative path is resolved against the LDIF file's folder.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { LdifDocument } from '../engine/ldif/ast';

export type UrlValue = { readonly bytes: Uint8Array } | { readonly problem: string; readonly fix: string };

/** Every URL a value (attribute, mod-spec value or control value) of the document refers to. */
export function urlsOf(document: LdifDocument): string[] {
  const urls = document.records.flatMap((record) => [
    ...[...record.attributes, ...record.modifications.flatMap((spec) => spec.values)]
      .filter((line) => line.encoding === 'url')
      .map((line) => (line.value ?? line.rawValue).trim()),
    ...record.controls
      .filter((control) => control.valueEncoding === 'url')
      .map((control) => (control.value ?? '').trim()),
  ]);
  return [...new Set(urls)];
}

/** Path of a file URL, or undefined for other schemes. */
export function filePathOf(url: string, baseDir: string): string | undefined {
  const match = /^file:(?:\/\/)?(.*)$/i.exec(url);
  if (!match) return undefined;
  let path = match[1];
  // file://localhost/path and file:///path both name /path.
  if (path.toLowerCase().startsWith('localhost/')) path = path.slice('localhost'.length);
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % is taken literally, as ldapmodify does.
  }
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** Reads each distinct URL once; failures are kept per URL so the record that needs it can report them. */
export async function loadUrlValues(document: LdifDocument, baseDir: string): Promise<Map<string, UrlValue>> {
  const values = new Map<string, UrlValue>();
  for (const url of urlsOf(document)) values.set(url, await loadUrl(url, baseDir));
  return values;
}

async function loadUrl(url: string, baseDir: string): Promise<UrlValue> {
  const path = filePathOf(url, baseDir);
  if (path === undefined) {
    return {
      problem: `the value URL "${url}" is not a file:// URL`,
      fix: 'Only file:// URLs are read; save the value to a file and write attr:< file:///path/to/file.',
    };
  }
  try {
    return { bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'EACCES'
            ? 'is not readable'
            : `cannot be read (${code ?? 'error'})`;
    return {
      problem: `the file ${path} named by "${url}" ${reason}`,
      fix: "Correct the path after file:// (relative paths start at the LDIF file's folder).",
    };
  }
}
