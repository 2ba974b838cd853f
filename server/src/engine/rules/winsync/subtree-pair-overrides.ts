import { requireAttribute } from '../support/catalogValues';
import { entriesInFile, finalValues } from '../support/entriesInFile';
import type { DocumentRule, Finding } from '../types';
import { AGREEMENT_DN, replaceExample, replaceSpec } from '../support/examples';

/**
 * nsds7WindowsReplicaSubtree / nsds7DirectoryReplicaSubtree on an agreement that the file
 * also gives winSyncSubtreePair: the server then ignores the two subtree attributes.
 */
export default {
  meta: {
    code: 'winsync/subtree-pair-overrides',
    group: 'consistency',
    severity: 'warning',
    summary: 'A subtree attribute is set on an agreement whose winSyncSubtreePair makes the server ignore it.',
    server:
      'When winSyncSubtreePair is set, the server syncs only the pairs and ignores nsds7WindowsReplicaSubtree and nsds7DirectoryReplicaSubtree.',
    example: [
      ...replaceExample(
        AGREEMENT_DN,
        'winSyncSubtreePair',
        'ou=People,dc=example,dc=com:OU=Staff,DC=ad,DC=example,DC=com',
      ),
      ...replaceSpec('nsds7WindowsReplicaSubtree', 'cn=Users,dc=ad,dc=example,dc=com'),
    ],
  },
  scope: 'document',
  check(entries, { catalog }) {
    const pair = requireAttribute(catalog, 'winSyncSubtreePair');
    const subtrees = [
      requireAttribute(catalog, 'nsds7WindowsReplicaSubtree'),
      requireAttribute(catalog, 'nsds7DirectoryReplicaSubtree'),
    ];
    const found: Finding[] = [];
    for (const agreement of entriesInFile(entries, 'agreement')) {
      const pairs = finalValues(agreement, pair.name);
      if (pairs.length === 0) continue;
      const pairLine = pairs[0].line.range.start.line + 1;
      for (const subtree of subtrees) {
        for (const line of finalValues(agreement, subtree.name)) {
          found.push({
            range: line.nameRange,
            message: `${subtree.name} is ignored: this agreement also has winSyncSubtreePair (line ${pairLine}), and when subtree pairs are set the server syncs only the pairs. Put this subtree into a pair, or remove one of the two.`,
          });
        }
      }
    }
    return found;
  },
} satisfies DocumentRule;
