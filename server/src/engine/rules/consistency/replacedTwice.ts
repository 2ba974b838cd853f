import type { Diagnostic, ModSpec } from '../../ldif/ast';
import { deleteLines } from '../lineEdits';
import type { RecordRule } from '../types';

/** Two `replace:` of the same attribute in one modify: the second wins, so the first is dead. */
export const replacedTwice: RecordRule = {
  scope: 'record',
  codes: {
    'winsync/replaced-twice': {
      severity: 'warning',
      group: 'consistency',
      summary: 'The same attribute is replaced twice in one modify; only the second replace counts.',
    },
  },
  check(entry) {
    const { record } = entry;
    if (record.kind !== 'modify') return [];
    const seen = new Map<string, ModSpec>();
    const found: Diagnostic[] = [];
    for (const spec of record.modifications) {
      if (spec.op !== 'replace' || spec.attribute === '') continue;
      const key = spec.attribute.toLowerCase();
      const first = seen.get(key);
      seen.set(key, spec);
      if (!first) continue;
      const line = first.header.line.range.start.line + 1;
      found.push({
        code: 'winsync/replaced-twice',
        severity: 'warning',
        range: spec.header.line.range,
        message: `${spec.attribute} is already replaced on line ${line} of this modify. Each replace sets the whole attribute, so this one wins and the earlier values are lost. Put all values in one replace.`,
        fixes: [{ title: `Remove the earlier replace on line ${line}`, edits: [deleteLines(first.range)] }],
      });
    }
    return found;
  },
};
