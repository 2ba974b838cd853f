/**
 * The editor's check of the local files that `attr:< file://` values name, as `winsync-ldif check`
 * makes it: a file that is missing, not a regular file or over the size cap is a warning
 * (`ldif/local-file-unreadable`), since applying the record would fail. The engine reads no
 * files; this host does, for saved documents, with relative paths from the document's folder.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_FILE_VALUE_BYTES, LocalFileInspector, localFileDiagnostic } from '../apply/localFiles';
import { RecordTraits, type Diagnostic } from '../engine/ldif/ast';
import type { ParsedDocument } from '../engine/service';

/** The folder of a `file:` document, from which relative file URLs are read; undefined for other schemes. */
export function documentFolder(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** A warning for each `:<` value whose local file could not be sent; none for an unsaved document. */
export async function localFileDiagnostics(
  uri: string,
  document: ParsedDocument,
  maxBytes = DEFAULT_MAX_FILE_VALUE_BYTES,
): Promise<Diagnostic[]> {
  const baseDir = documentFolder(uri);
  if (baseDir === undefined) return [];
  const inspector = new LocalFileInspector(maxBytes);
  const found: Diagnostic[] = [];
  for (const record of document.recordsWith(RecordTraits.urlValue)) {
    for (const { check, range } of await inspector.inspect(record, baseDir))
      if (!check.ok) found.push(localFileDiagnostic(check.problem, range, 'warning'));
  }
  return found;
}
