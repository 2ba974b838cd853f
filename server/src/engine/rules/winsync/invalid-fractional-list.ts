import { createsEntry } from '../../catalog/semantics';
import type { Finding, RecordRule } from '../types';
import { catalogValues } from '../support/catalogValues';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { badValueConsequence, clip } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** What 389-DS's fractional-list parser reads, to the byte: lower case, one space on each side of `$`. */
const PREFIX = '(objectclass=*) $ EXCLUDE ';
/** Attributes replication cannot do without; 389-DS refuses to exclude them (compared ignoring case). */
const REQUIRED = ['nsuniqueid', 'modifiersname', 'lastmodifiedtime', 'dc', 'o', 'ou', 'cn', 'objectclass'];

/**
 * Fractional replication lists (`nsDS5ReplicatedAttributeList`, and `…Total` on plain agreements):
 * `(objectclass=*) $ EXCLUDE attr …`. The server's parser matches that start literally and
 * case-sensitively; anything else is stored and ignored on add (nothing is excluded) and refused
 * with 1 on modify. Excluding an attribute replication needs is refused with 53.
 */
export default {
  meta: {
    code: 'winsync/invalid-fractional-list',
    group: 'values',
    severity: 'error',
    summary: 'A fractional list 389-DS cannot read, or excluding what replication needs.',
    server:
      'A list not starting exactly with "(objectclass=*) $ EXCLUDE " is ignored on add and refused with 1 on modify; excluding an attribute replication needs is refused with 53.',
    example: replaceExample(AGREEMENT_DN, 'nsDS5ReplicatedAttributeList', '(objectClass=*) $ EXCLUDE memberOf'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { line, spec, value } of catalogValues(entry, catalog, 'fractional-list')) {
      if (value === '') continue; // an empty value is the empty-value rule's
      const shown = `"${clip(value)}"`;
      if (!value.startsWith(PREFIX)) {
        const start = /^\(\s*objectclass\s*=\s*\*\s*\)\s*\$\s*exclude\s*/i.exec(value);
        const consequence = createsEntry(entry.record.kind)
          ? '389-DS stores it and silently ignores it: nothing is excluded.'
          : '389-DS refuses the modify with 1.';
        found.push({
          range: valuePartRange(line, 0, start ? start[0].length : value.length),
          message: `${spec.name} ${shown} does not start with "${PREFIX}" exactly (the parser is case-sensitive). ${consequence}`,
          ...(start && {
            fixes: [
              {
                title: `Write "${PREFIX.trimEnd()}"`,
                edits: [valuePartEdit(line, 0, start[0].length, PREFIX)],
                preferred: true,
              },
            ],
          }),
        });
        continue;
      }
      let at = PREFIX.length;
      for (const name of value.slice(PREFIX.length).split(' ')) {
        if (REQUIRED.includes(name.toLowerCase())) {
          found.push({
            range: valuePartRange(line, at, at + name.length),
            message: `${spec.name} excludes ${name}, which replication needs. ${badValueConsequence(spec, entry.record)}`,
          });
        }
        at += name.length + 1;
      }
    }
    return found;
  },
} satisfies RecordRule;
