import { RecordTraits } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { fileUrlPath } from '../../ldif/fileUrl';
import { eachValueLine } from '../support/recordLines';
import { USER_DN } from '../support/examples';

/**
 * Names each local file a `:< file:` value reads: applying the record sends the file's content
 * to the server (`description:< file:///etc/shadow` sends the shadow file). The engine reads no
 * files; `check` and apply, which do, report a file they could not send as
 * `ldif/local-file-unreadable`.
 */
export default {
  meta: {
    code: 'ldif/local-file',
    group: 'syntax',
    severity: 'info',
    summary: 'A ":< file://" value: applying the record reads this local file and sends its content to the server.',
    server:
      "ldapmodify and winsync-ldif read the file when they apply the record and send its bytes as the value; ldapmodify reads only absolute file:/// URLs, winsync-ldif also relative ones (from the LDIF file's folder).",
    example: [USER_DN, 'changetype: modify', 'replace: jpegPhoto', 'jpegPhoto:< file:///tmp/jsmith.jpg', '-'],
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.urlValue,
  check(entry) {
    const found: Finding[] = [];
    eachValueLine(entry.record, (line) => {
      if (line.encoding !== 'url') return;
      const file = fileUrlPath(line.value ?? line.rawValue);
      if (!file) return;
      const where = file.relative
        ? `${file.path} (relative to this file's folder; ldapmodify reads only absolute file:/// URLs)`
        : file.path;
      found.push({
        range: line.valueRange,
        message: `The value of ${line.name} is read from the local file ${where} when the record is applied, and its content is sent to the server.`,
      });
    });
    return found;
  },
} satisfies RecordRule;
