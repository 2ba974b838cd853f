import type { Diagnostic } from '../../ldif/ast';
import { matchChoice } from '../../catalog/semantics';
import { clip } from '../../ldif/attrLine';
import { sortByDistance } from '../../util/closest';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';

/**
 * A value outside an enumerated attribute's allowed set. The server compares
 * case-insensitively, so a case difference only earns a style hint.
 */
export const invalidEnum: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/invalid-enum': {
      severity: 'error',
      group: 'values',
      summary: 'The value is not one of the attribute\'s allowed values.',
    },
    'winsync/value-case': {
      severity: 'info',
      group: 'values',
      summary: 'The value matches an allowed value but not its documented spelling.',
    },
  },
  check(entry, { catalog }) {
    // Catalog attributes belong to a winsync entry kind, so an ordinary entry has none to check.
    if (entry.kind === undefined) return [];
    const found: Diagnostic[] = [];
    for (const { line, op } of entry.writes) {
      if (op === 'delete' || line.value === undefined) continue;
      const spec = catalog.attribute(line.name);
      if (!spec || spec.syntax.kind !== 'enum' || spec.entry !== entry.kind) continue;
      // The server compares the whole value, so trailing spaces make a valid word invalid.
      const value = line.value;
      const match = matchChoice(spec, value)?.value;
      if (match === value) continue;
      const padded = match ? undefined : matchChoice(spec, value.trimEnd())?.value;
      if (padded) {
        found.push({
          code: 'winsync/invalid-enum',
          severity: 'error',
          range: line.valueRange,
          message: `Invalid value "${clip(value)}" for ${spec.name}: the trailing spaces are part of the value, so it is not "${padded}". ${badValueConsequence(spec, entry.record)}`,
          fixes: [{ title: `Remove the trailing spaces`, edits: [{ range: line.valueRange, newText: padded }], preferred: true }],
        });
        continue;
      }
      if (match) {
        found.push({
          code: 'winsync/value-case',
          severity: 'info',
          range: line.valueRange,
          message: `"${value}" works (${spec.name} ignores case), but the documented spelling is "${match}".`,
          fixes: [{ title: `Write "${match}"`, edits: [{ range: line.valueRange, newText: match }], preferred: true }],
        });
        continue;
      }
      const documented = spec.syntax.values.filter((choice) => !choice.legacy).map((choice) => choice.value);
      found.push({
        code: 'winsync/invalid-enum',
        severity: 'error',
        range: line.valueRange,
        message: `Invalid value "${clip(value)}" for ${spec.name}: expected one of ${documented.join(', ')}. ${badValueConsequence(spec, entry.record)}`,
        fixes: sortByDistance(value, documented).map((choice, index) => ({
          title: `Change to "${choice}"`,
          edits: [{ range: line.valueRange, newText: choice }],
          preferred: index === 0,
        })),
      });
    }
    return found;
  },
};
