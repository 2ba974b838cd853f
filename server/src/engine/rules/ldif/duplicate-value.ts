import type { AttrLine } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { PERSON_DN } from '../support/examples';

/**
 * The same value written twice for one attribute, in an add or in one add:/replace: mod-spec.
 * Only values equal as written are found here; values equal under the attribute's matching
 * rule (`a`, `A`) need the server's schema (schema/duplicate-value).
 */
export default {
  meta: {
    code: 'ldif/duplicate-value',
    group: 'structure',
    severity: 'error',
    milder: {
      severity: 'warning',
      when: 'in a content record (no changetype), which tools that load a whole directory may take as it is',
    },
    summary: 'An add or an add:/replace: mod-spec gives an attribute the same value twice.',
    server: 'ldapmodify sends both values; 389-DS refuses the whole add or modify with 20 (Type or value exists).',
    example: [PERSON_DN, 'changetype: add', 'objectClass: person', 'cn: Jane Smith', 'sn: Smith', 'cn: Jane Smith'],
  },
  scope: 'record',
  check({ record }) {
    const found: Finding[] = [];
    if (record.kind === 'content' || record.kind === 'add')
      repeated(record.attributes, 'add', found, record.kind === 'content');
    for (const spec of record.modifications)
      if (spec.op === 'add' || spec.op === 'replace') repeated(spec.values, `${spec.op}: ${spec.attribute}`, found);
    return found;
  },
} satisfies RecordRule;

/** Reports each value line that repeats an earlier one of the same attribute (name in any case, options as written). */
function repeated(lines: readonly AttrLine[], where: string, found: Finding[], mild = false): void {
  if (lines.length < 2) return;
  // Keyed by the value alone, which costs no new string per line (every add runs this); the
  // lines of one value are told apart by their names, and a value rarely comes twice.
  const seen = new Map<string, AttrLine | AttrLine[]>();
  for (const line of lines) {
    const value = line.encoding === 'url' ? undefined : line.value;
    if (value === undefined) continue;
    const earlier = seen.get(value);
    const first = earlier === undefined ? undefined : firstOfSameName(earlier, line);
    if (!first) {
      if (earlier === undefined) seen.set(value, line);
      else if (Array.isArray(earlier)) earlier.push(line);
      else seen.set(value, [earlier, line]);
      continue;
    }
    // Counted from this line, not from the top of the file: the finding stays true when lines are added above the record.
    const above = line.line.range.start.line - first.line.range.start.line;
    found.push({
      ...(mild ? { mild } : {}),
      range: line.line.range,
      message: `${line.description} is given the value "${line.value}" twice in this ${where === 'add' ? 'add' : `mod-spec (${where})`} (first ${above} line${above === 1 ? '' : 's'} above): 389-DS refuses the whole ${where === 'add' ? 'add' : 'modify'} with 20 (Type or value exists). Remove this line.`,
      fixes: [
        {
          title: 'Remove the repeated value',
          edits: [
            {
              range: { start: line.line.range.start, end: { line: line.line.range.end.line + 1, character: 0 } },
              newText: '',
            },
          ],
          preferred: true,
        },
      ],
    });
  }
}

/** The line among `earlier` whose description is `line`'s, in any case. */
function firstOfSameName(earlier: AttrLine | AttrLine[], line: AttrLine): AttrLine | undefined {
  const sameName = (other: AttrLine) =>
    other.description === line.description || other.description.toLowerCase() === line.description.toLowerCase();
  return Array.isArray(earlier) ? earlier.find(sameName) : sameName(earlier) ? earlier : undefined;
}
