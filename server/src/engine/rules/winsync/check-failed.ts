import type { NoticeRule } from '../types';

/** Reported by the language server when checking a document failed, so that the failure is seen and other files go on. */
export default {
  meta: {
    code: 'winsync/check-failed',
    group: 'syntax',
    severity: 'error',
    summary: 'winsync-ldif could not check the file (an internal error); other files are still checked.',
    server:
      'Nothing here reaches the server: the checker itself failed on this file, so none of its problems are shown. The winsync-ldif output has the details; please report it together with the file.',
  },
  scope: 'notice',
} satisfies NoticeRule;

export function checkFailedMessage(reason: string): string {
  return `winsync-ldif could not check this file (${reason}); other files are still checked. Please report this with the file (see the winsync-ldif output for details).`;
}
