import type { Diagnostic } from '../../ldif/ast';
import { requireAttribute } from '../catalogValues';
import { entriesInFile, finalValues } from '../entriesInFile';
import type { DocumentRule } from '../types';

/**
 * nsds7WindowsReplicaSubtree / nsds7DirectoryReplicaSubtree on an agreement that the file
 * also gives winSyncSubtreePair: the server then ignores the two subtree attributes.
 */
export const subtreePairOverrides: DocumentRule = {
  scope: 'document',
  codes: {
    'winsync/subtree-pair-overrides': {
      severity: 'warning',
      group: 'consistency',
      summary: 'A subtree attribute is set on an agreement whose winSyncSubtreePair makes the server ignore it.',
    },
  },
  check(entries, { catalog }) {
    const pair = requireAttribute(catalog, 'winSyncSubtreePair');
    const subtrees = [requireAttribute(catalog, 'nsds7WindowsReplicaSubtree'), requireAttribute(catalog, 'nsds7DirectoryReplicaSubtree')];
    const found: Diagnostic[] = [];
    for (const agreement of entriesInFile(entries, 'agreement')) {
      const pairs = finalValues(agreement, pair.name);
      if (pairs.length === 0) continue;
      const pairLine = pairs[0].line.range.start.line + 1;
      for (const subtree of subtrees) {
        for (const line of finalValues(agreement, subtree.name)) {
          found.push({
            code: 'winsync/subtree-pair-overrides',
            severity: 'warning',
            range: line.nameRange,
            message: `${subtree.name} is ignored: this agreement also has winSyncSubtreePair (line ${pairLine}), and when subtree pairs are set the server syncs only the pairs. Put this subtree into a pair, or remove one of the two.`,
          });
        }
      }
    }
    return found;
  },
};
