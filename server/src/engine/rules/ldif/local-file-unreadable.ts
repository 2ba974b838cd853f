import type { NoticeRule } from '../types';

/**
 * Reported by `check` and the language server (a warning, `lsp/localFiles.ts`) and by apply
 * before it sends anything (an error that blocks the run), which read local files; the engine
 * itself reads none.
 */
export default {
  meta: {
    code: 'ldif/local-file-unreadable',
    group: 'syntax',
    severity: 'warning',
    summary:
      'The local file a ":< file://" value names is missing, not a regular file or too large: applying the record would fail (reported by the editor, check and apply, which read files).',
    server:
      'Nothing of the record is sent: winsync-ldif reads only regular files (never a FIFO or a device) up to a size cap (2 MiB by default, the request size 389-DS accepts unless nsslapd-maxbersize is raised; --max-value-file-size or winsyncLdif.maxValueFileSize raises it), and ldapmodify stops at a file it cannot read.',
  },
  scope: 'notice',
} satisfies NoticeRule;

/** `problem` is a clause: `the file /x named by "file:///x" does not exist`. */
export function localFileUnreadableMessage(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}: applying this record would fail without sending it.`;
}
