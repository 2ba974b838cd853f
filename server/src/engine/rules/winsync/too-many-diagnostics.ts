import type { NoticeRule } from '../types';

/** Reported by the cap on diagnostics (`winsyncLdif.maxDiagnostics`), in place of the ones it leaves out. */
export default {
  meta: {
    code: 'winsync/too-many-diagnostics',
    group: 'syntax',
    severity: 'info',
    summary: 'More problems were found than the configured maximum; the rest are not shown.',
    server:
      'Nothing here reaches the server: winsync-ldif shows at most winsyncLdif.maxDiagnostics problems per file (errors first, then warnings, then the rest), and this one stands for those it leaves out.',
  },
  scope: 'notice',
} satisfies NoticeRule;

export function tooManyMessage(max: number, total: number): string {
  return `Only ${max} of ${total} problems are shown (errors first, then warnings, then the rest); the first one left out is on this line. Fix these, or raise winsyncLdif.maxDiagnostics to see more.`;
}
