import type { SyntaxKind } from '../../catalog/schema';
import type { Finding, RecordRule } from '../types';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** Syntaxes whose own rules do not already report an empty value (the others each say what is expected). */
const UNCHECKED: ReadonlySet<SyntaxKind> = new Set<SyntaxKind>(['host', 'domain', 'text', 'fractional-list']);

/**
 * An empty value for an agreement setting of Directory String syntax: the schema-checked
 * agreement refuses it (issue 12 probe: 21 on add; on modify 21, or the modify handler's own
 * answer first, e.g. 1 for a fractional list).
 */
export default {
  meta: {
    code: 'winsync/empty-value',
    group: 'values',
    severity: 'error',
    summary: 'An agreement setting with an empty value.',
    server: '389-DS refuses it: 21 (Invalid syntax), or on a modify the agreement handler answers first.',
    example: replaceExample(AGREEMENT_DN, 'nsds7WindowsDomain', ''),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind === undefined || catalog.entryKind(entry.kind).acceptsAnyAttribute) return [];
    const found: Finding[] = [];
    for (const { line, op } of entry.writes) {
      if (op === 'delete' || line.value !== '') continue;
      const spec = catalog.attribute(line.name);
      if (!spec || spec.serverManaged || !UNCHECKED.has(spec.syntax.kind) || spec.entry !== entry.kind) continue;
      // An attribute the agreement's kind may not carry is winsync/wrong-agreement-kind's.
      if (spec.onlyFor && entry.agreementKind && spec.onlyFor !== entry.agreementKind) continue;
      found.push({
        range: line.line.range,
        message: `${spec.name} has an empty value, which 389-DS refuses (21 Invalid syntax, or the agreement handler's answer on a modify).`,
      });
    }
    return found;
  },
} satisfies RecordRule;
