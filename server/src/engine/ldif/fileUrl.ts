/**
 * The local path a `:< file:` URL names. As ldapmodify reads it, everything after `file://`
 * is the path (`file://localhost/p` and `file:///p` both name `/p`), percent-escapes decoded;
 * a stray `%` is taken literally. ldapmodify reads only absolute paths; winsync-ldif resolves
 * a relative one against the LDIF file's folder.
 */
export interface FileUrlPath {
  readonly path: string;
  readonly relative: boolean;
}

/** The path of a file URL, or undefined for another scheme or an empty path. */
export function fileUrlPath(url: string): FileUrlPath | undefined {
  const match = /^file:(?:\/\/)?(.*)$/i.exec(url.trim());
  if (!match) return undefined;
  let path = match[1];
  if (path.toLowerCase().startsWith('localhost/')) path = path.slice('localhost'.length);
  if (path === '') return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % is taken literally, as ldapmodify does.
  }
  return { path, relative: !path.startsWith('/') };
}
