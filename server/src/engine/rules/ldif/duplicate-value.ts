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
    if ((record.kind === 'content' || record.kind === 'add') && record.attributes.length > 1)
      repeated(record.attributes, 'add', found, record.kind === 'content');
    for (const spec of record.modifications)
      if ((spec.op === 'add' || spec.op === 'replace') && spec.values.length > 1)
        repeated(spec.values, `${spec.op}: ${spec.attribute}`, found);
    return found;
  },
} satisfies RecordRule;

/** Reports each value line that repeats an earlier one of the same attribute (name in any case, options as written). */
function repeated(lines: readonly AttrLine[], where: string, found: Finding[], mild = false): void {
  // Keyed by the value alone, which costs no new string per line; the lines of one value are
  // told apart by their names, and a value rarely comes twice.
  const seen = new Map<string, AttrLine[]>();
  for (const line of linesSharingNames(lines)) {
    const value = line.encoding === 'url' ? undefined : line.value;
    if (value === undefined) continue;
    const earlier = seen.get(value);
    const first = earlier?.find(
      ({ description }) =>
        description === line.description || description.toLowerCase() === line.description.toLowerCase(),
    );
    if (!first) {
      if (earlier) earlier.push(line);
      else seen.set(value, [line]);
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

/**
 * The lines whose attribute name (in any case) another of `lines` may also have, in order: only
 * they can repeat a value. Every add runs this, so names are told apart by their length and their
 * first and last characters in one case, with no string built per line.
 */
function linesSharingNames(lines: readonly AttrLine[]): readonly AttrLine[] {
  const keys: number[] = [];
  const counts = new Map<number, number>();
  for (const { description } of lines) {
    const first = description.charCodeAt(0) | 0x20;
    const last = description.charCodeAt(description.length - 1) | 0x20;
    // toLowerCase() turns some characters beyond ASCII into ASCII ones (the Kelvin sign into k), and İ into two.
    if (first >= 0x80 || last >= 0x80 || description.includes('\u0130')) return lines;
    const key = description.length * 0x4000 + first * 0x80 + last;
    keys.push(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sharing: AttrLine[] = [];
  for (let i = 0; i < lines.length; i++) if (counts.get(keys[i])! > 1) sharing.push(lines[i]);
  return sharing;
}
