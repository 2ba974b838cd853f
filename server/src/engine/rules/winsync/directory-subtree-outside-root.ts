import { isDescendantOrSelf, normalizeDn, replicaSuffix } from '../../dn/dn';
import { clip } from '../support/wording';
import type { AttrLine, Range } from '../../ldif/ast';
import { requireAttribute } from '../support/catalogValues';
import { entriesInFile, finalValues, type EntryInFile } from '../support/entriesInFile';
import type { DocumentRule, Finding } from '../types';
import { valuePartRange } from '../support/edits';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** The replicated suffix of an agreement and where the file says so. */
interface Root {
  readonly dn: string;
  readonly source: string;
}

/**
 * A directory subtree (nsds7DirectoryReplicaSubtree, or the directory half of a
 * winSyncSubtreePair) outside the agreement's replicated suffix, which the server
 * stores without a word although nothing there can be synchronised.
 */
export default {
  meta: {
    code: 'winsync/directory-subtree-outside-root',
    group: 'consistency',
    severity: 'error',
    summary: "A directory subtree lies outside the agreement's replicated suffix (nsDS5ReplicaRoot).",
    server:
      '389-DS stores the subtree without a word, but the agreement only sees entries of its replicated suffix, so nothing under this subtree is synchronised.',
    example: replaceExample(AGREEMENT_DN, 'nsds7DirectoryReplicaSubtree', 'ou=People,dc=other,dc=com'),
  },
  scope: 'document',
  check(entries, { catalog }) {
    const subtree = requireAttribute(catalog, 'nsds7DirectoryReplicaSubtree').name.toLowerCase();
    const pair = requireAttribute(catalog, 'winSyncSubtreePair').name.toLowerCase();
    const found: Finding[] = [];
    for (const agreement of entriesInFile(entries, 'agreement')) {
      const root = rootOf(agreement, requireAttribute(catalog, 'nsDS5ReplicaRoot').name);
      if (!root) continue;
      for (const view of agreement.views) {
        for (const { line, op } of view.writes) {
          if (op === 'delete' || line.value === undefined) continue;
          const name = line.name.toLowerCase();
          const target = name === subtree ? whole(line) : name === pair ? directoryHalf(line) : undefined;
          // Values that are not DNs are reported by the value rules.
          if (!target || normalizeDn(target.dn) === undefined || isDescendantOrSelf(target.dn, root.dn)) continue;
          const what = name === subtree ? line.name : `The directory half of this ${line.name}`;
          found.push({
            range: target.range,
            message: `${what}, "${clip(target.dn)}", is not inside the replicated suffix ${root.dn} (${root.source}). 389-DS stores it without a word, but the agreement only sees entries of its replicated suffix, so nothing under this subtree is synchronised.`,
          });
        }
      }
    }
    return found;
  },
} satisfies DocumentRule;

/** nsDS5ReplicaRoot as the file leaves it, else the suffix in the agreement's DN. */
function rootOf(agreement: EntryInFile, rootName: string): Root | undefined {
  const written = finalValues(agreement, rootName)[0]?.value;
  if (written !== undefined && normalizeDn(written) !== undefined) return { dn: written, source: rootName };
  const suffix = replicaSuffix(agreement.writtenDn)?.suffix;
  return suffix !== undefined && normalizeDn(suffix) !== undefined
    ? { dn: suffix, source: "the suffix in the agreement's DN" }
    : undefined;
}

function whole(line: AttrLine): { dn: string; range: Range } {
  return { dn: line.value ?? '', range: line.valueRange };
}

/** `<directory DN>:<AD DN>`: the server splits at the first colon. */
function directoryHalf(line: AttrLine): { dn: string; range: Range } | undefined {
  const value = line.value ?? '';
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  return { dn: value.slice(0, colon), range: valuePartRange(line, 0, colon) };
}
