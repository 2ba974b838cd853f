import type { AttrLine, Diagnostic } from '../../ldif/ast';
import { eachValueLine } from '../recordLines';
import type { RecordRule } from '../types';

/**
 * Names each local file a `:< file://` value reads: applying the record sends the file's
 * content to the server (`description:< file:///etc/shadow` sends the shadow file). The engine
 * reads no files; `check` and apply, which do, report a file that is missing, too large or not
 * a regular file as `ldif/local-file-unreadable` (apply/preflight.ts).
 */
export const localFile: RecordRule = {
  scope: 'record',
  codes: {
    'ldif/local-file': {
      severity: 'info',
      group: 'syntax',
      summary: 'A ":< file://" value: applying the record reads this local file and sends its content to the server.',
    },
    'ldif/local-file-unreadable': {
      severity: 'warning',
      group: 'syntax',
      summary: 'The local file a ":< file://" value names is missing, not a regular file or too large: applying the record would fail (reported by check and apply, which read files).',
    },
  },
  check(entry) {
    const found: Diagnostic[] = [];
    eachValueLine(entry.record, (line) => {
      if (line.encoding !== 'url') return;
      const path = localPath((line.value ?? line.rawValue).trim());
      if (path !== undefined) found.push(named(line, path));
    });
    return found;
  },
};

/** The path a file URL names as written (percent-escapes decoded), or undefined for other URLs. */
function localPath(url: string): string | undefined {
  const match = /^file:(?:\/\/)?(?:localhost(?=\/))?(.*)$/i.exec(url);
  if (!match || match[1] === '') return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function named(line: AttrLine, path: string): Diagnostic {
  const where = path.startsWith('/') ? path : `${path} (relative to this file's folder)`;
  return {
    code: 'ldif/local-file',
    severity: 'info',
    range: line.valueRange,
    message: `The value of ${line.name} is read from the local file ${where} when the record is applied, and its content is sent to the server.`,
  };
}
