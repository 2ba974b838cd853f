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
  for (const [line, first] of repeats(linesSharingNames(lines))) {
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

/** Up to this many lines are compared each with those before it; more are looked up by value. */
const FEW_LINES = 12;

/** Each line that repeats the value of an earlier line of the same name, with the first such line. */
function repeats(lines: readonly AttrLine[]): (readonly [AttrLine, AttrLine])[] {
  const found: (readonly [AttrLine, AttrLine])[] = [];
  if (lines.length <= FEW_LINES) {
    // The object classes of an add, say: comparing costs less than building a map.
    for (let i = 1; i < lines.length; i++) {
      const value = textOf(lines[i]);
      if (value === undefined) continue;
      for (let j = 0; j < i; j++) {
        if (textOf(lines[j]) === value && sameName(lines[j], lines[i])) {
          found.push([lines[i], lines[j]]);
          break;
        }
      }
    }
    return found;
  }
  // Keyed by the value alone, which costs no new string per line; the lines of one value are
  // told apart by their names, and a value rarely comes twice.
  const seen = new Map<string, AttrLine | AttrLine[]>();
  for (const line of lines) {
    const value = textOf(line);
    if (value === undefined) continue;
    const earlier = seen.get(value);
    const first = earlier === undefined ? undefined : [earlier].flat().find((other) => sameName(other, line));
    if (first) found.push([line, first]);
    else if (earlier === undefined) seen.set(value, line);
    else if (Array.isArray(earlier)) earlier.push(line);
    else seen.set(value, [earlier, line]);
  }
  return found;
}

/** The value a duplicate is told by: none for a URL, or base64 that is not UTF-8. */
function textOf(line: AttrLine): string | undefined {
  return line.encoding === 'url' ? undefined : line.value;
}

function sameName(a: AttrLine, b: AttrLine): boolean {
  return a.description === b.description || a.description.toLowerCase() === b.description.toLowerCase();
}

/** Scratch tables of `linesSharingNames`, grown as needed and left empty after each use. */
let slotOfLine = new Int32Array(64);
let countInSlot = new Int32Array(128);
let hashInSlot = new Int32Array(128);

/**
 * The lines whose attribute name (in any case) another of `lines` also has, in order: only they
 * can repeat a value. Every add runs this, so names are grouped by a hash, with no string built
 * per line; two names that share a hash only send their lines on to be compared.
 */
function linesSharingNames(lines: readonly AttrLine[]): readonly AttrLine[] {
  if (slotOfLine.length < lines.length) {
    const size = 2 ** Math.ceil(Math.log2(lines.length));
    slotOfLine = new Int32Array(size);
    countInSlot = new Int32Array(2 * size);
    hashInSlot = new Int32Array(2 * size);
  }
  const mask = countInSlot.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const hash = asciiNameHash(lines[i].description);
    if (hash === undefined) {
      // toLowerCase() may turn a letter beyond ASCII into one within (K, the Kelvin sign, into k).
      for (let j = 0; j < i; j++) countInSlot[slotOfLine[j]] = 0;
      return lines;
    }
    let slot = hash & mask;
    while (countInSlot[slot] > 0 && hashInSlot[slot] !== hash) slot = (slot + 1) & mask;
    countInSlot[slot]++;
    hashInSlot[slot] = hash;
    slotOfLine[i] = slot;
  }
  const sharing: AttrLine[] = [];
  for (let i = 0; i < lines.length; i++) if (countInSlot[slotOfLine[i]] > 1) sharing.push(lines[i]);
  for (let i = 0; i < lines.length; i++) countInSlot[slotOfLine[i]] = 0;
  return sharing;
}

/** FNV-1a of a name with ASCII letters in one case (and a few other characters merged); undefined beyond ASCII. */
function asciiNameHash(name: string): number | undefined {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x80) return undefined;
    hash = Math.imul(hash ^ (code | 0x20), 0x01000193);
  }
  return hash;
}
