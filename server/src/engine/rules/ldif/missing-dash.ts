import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-dash',
    group: 'syntax',
    severity: 'error',
    summary: 'Each mod-spec ends with a line holding a single "-" before the next mod-spec starts.',
    server:
      'ldapmodify reads the next mod-spec\'s first line as a value of the open one and stops with "wrong attributeType"; nothing of the record is sent.',
    example: [
      PLUGIN_DN,
      'changetype: modify',
      'replace: ipaWinSyncForceSync',
      'ipaWinSyncForceSync: true',
      'replace: ipaWinSyncUserFlatten',
      'ipaWinSyncUserFlatten: true',
      '-',
    ],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `The mod-spec "${data.operation}: ${clip(data.attribute)}" is not closed: insert a line holding "-" before "${data.next}:".`,
  fixes: ({ range }) => [
    // Editors convert the inserted line break to the document's own.
    {
      title: 'Insert "-" to close the mod-spec',
      edits: [{ range: { start: range.start, end: range.start }, newText: '-\n' }],
      preferred: true,
    },
  ],
} satisfies SyntaxRule<'ldif/missing-dash'>;
