import type { ModSpec } from '../../ldif/ast';
import { deleteLines } from '../support/edits';
import type { Finding, RecordRule } from '../types';
import { USER_DN, replaceExample, replaceSpec } from '../support/examples';

/** Two `replace:` of the same attribute in one modify: the second wins, so the first is dead. */
export default {
  meta: {
    code: 'winsync/replaced-twice',
    group: 'consistency',
    severity: 'warning',
    summary: 'The same attribute is replaced twice in one modify; only the second replace counts.',
    server:
      'Each replace sets the whole attribute, so the server applies both in turn and only the second survives; the values of the first are lost without a word.',
    example: [...replaceExample(USER_DN, 'description', 'on leave'), ...replaceSpec('description', 'back in May')],
  },
  scope: 'record',
  check(entry) {
    const { record } = entry;
    if (record.kind !== 'modify') return [];
    const seen = new Map<string, ModSpec>();
    const found: Finding[] = [];
    for (const spec of record.modifications) {
      if (spec.op !== 'replace' || spec.attribute === '') continue;
      const key = spec.attribute.toLowerCase();
      const first = seen.get(key);
      seen.set(key, spec);
      if (!first) continue;
      // Counted from this line, not from the top of the file: the finding stays true when lines are added above the record.
      const above = spec.header.line.range.start.line - first.header.line.range.start.line;
      const where = `${above} line${above === 1 ? '' : 's'} above`;
      found.push({
        range: spec.header.line.range,
        message: `${spec.attribute} is already replaced ${where}, in this modify. Each replace sets the whole attribute, so this one wins and the earlier values are lost. Put all values in one replace.`,
        fixes: [{ title: `Remove the earlier replace (${where})`, edits: [deleteLines(first.range)] }],
      });
    }
    return found;
  },
} satisfies RecordRule;
