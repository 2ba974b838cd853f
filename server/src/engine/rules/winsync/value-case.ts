import { matchChoice } from '../../catalog/semantics';
import type { Finding, RecordRule } from '../types';
import { enumWrites } from '../support/catalogValues';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** An allowed value in another case than documented: the server ignores case, so this is only a style hint. */
export default {
  meta: {
    code: 'winsync/value-case',
    group: 'values',
    severity: 'info',
    summary: 'The value matches an allowed value but not its documented spelling.',
    server: 'The server compares allowed values without regard to case, so the value works as written.',
    example: replaceExample(AGREEMENT_DN, 'winSyncMoveAction', 'UNSYNC'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { line, spec, value } of enumWrites(entry, catalog)) {
      const match = matchChoice(spec, value)?.value;
      if (match === undefined || match === value) continue;
      found.push({
        range: line.valueRange,
        message: `"${value}" works (${spec.name} ignores case), but the documented spelling is "${match}".`,
        fixes: [{ title: `Write "${match}"`, edits: [{ range: line.valueRange, newText: match }], preferred: true }],
      });
    }
    return found;
  },
} satisfies RecordRule;
