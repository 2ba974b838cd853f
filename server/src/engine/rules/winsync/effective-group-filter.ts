import type { Fix } from '../../ldif/ast';
import { parseFilterList, type FilterNode } from '../../filter/filter';
import { catalogValues } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { PLUGIN_DN, replaceExample } from '../support/examples';

function isCnEquality(node: FilterNode): boolean {
  return node.kind === 'equality' && node.attribute.type.toLowerCase() === 'cn';
}

/**
 * A filter list (ipaWinSyncDefaultGroupFilter) written as the whole effective filter
 * `(&…(cn=…))`, as the IdM guide shows it: the plug-in already wraps the value in
 * `(&(cn=<group name>)<value>)`, so the extra cn term can never match the real group.
 */
export default {
  meta: {
    code: 'winsync/effective-group-filter',
    group: 'values',
    severity: 'warning',
    summary: 'A filter-list attribute holds the whole effective filter, including the cn term the plug-in adds itself.',
    server:
      '389-DS stores the value without a check; the plug-in builds (&(cn=<group name>)<value>) from it, which then cannot find the default group, and only the errors log says so.',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncDefaultGroupFilter', '(&(objectclass=ipaUserGroup)(cn=ipausers))'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { line, spec, value } of catalogValues(entry, catalog, 'filter-list')) {
      const { filters } = parseFilterList(value);
      const [whole] = filters;
      if (filters.length !== 1 || whole.kind !== 'and') continue;
      const cn = whole.children.find(isCnEquality);
      if (!cn) continue;
      const kept = whole.children
        .filter((child) => !isCnEquality(child))
        .map((child) => value.slice(child.start, child.end));
      const fixes: Fix[] =
        kept.length === 0
          ? []
          : [
              {
                title: `Keep only ${kept.join('')}`,
                edits: [valuePartEdit(line, whole.start, whole.end, kept.join(''))],
                preferred: true,
              },
            ];
      found.push({
        range: valuePartRange(line, cn.start, cn.end),
        message: `${spec.name} holds extra filter terms, not a whole filter: the plug-in builds (&(cn=<group name>)<value>) itself, so this ${value.slice(cn.start, cn.end)} must match as well and the default group is not found. Store only the other terms${kept.length > 0 ? `, e.g. ${kept.join('')}` : ''}.`,
        ...(fixes.length > 0 && { fixes }),
      });
    }
    return found;
  },
} satisfies RecordRule;
