import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_RULES, RULES } from '../../../server/src/engine/rules';
import type { Diagnostic } from '../../../server/src/engine/ldif/ast';
import { shiftRanges } from '../../../server/src/engine/ldif/position';
import { getLanguageService } from '../../../server/src/engine/service';
import { applyEdits, chosenFix, exampleDiagnostics } from '../../../scripts/docs/rulePages';

const service = getLanguageService();
const ACROSS_RECORDS = new Set(DOCUMENT_RULES.map((rule) => rule.meta.code));

for (const rule of RULES) {
  if (rule.scope === 'notice') continue;
  const { code, example } = rule.meta;
  test(`${code}: its documented example makes it report, and its first fix repairs what it reports`, () => {
    const text = `${example.join('\n')}\n`;
    const found = exampleDiagnostics(rule, service, text);
    assert.ok(found.length > 0, 'the example makes the rule report');
    const fix = chosenFix(found[0]);
    if (!fix) return;
    const fixed = applyEdits(text, fix.edits);
    const start = found[0].range.start;
    const after = exampleDiagnostics(rule, service, fixed);
    assert.ok(
      !after.some(
        (diagnostic) =>
          diagnostic.range.start.line === start.line && diagnostic.range.start.character === start.character,
      ),
      fixed,
    );
  });
}

for (const rule of RULES) {
  if (rule.scope === 'notice') continue;
  const { code, example } = rule.meta;
  // Record diagnostics are kept with their block and moved with it when lines are added above:
  // what a rule says must not depend on where the record is (e.g. no line numbers from the top).
  test(`${code}: what its example makes the checks report moves with the text, and is found the same after lines are added above it`, () => {
    const text = `${example.join('\n')}\n`;
    const before = service.parse(text);
    const here = service.validate(before);
    const above = '\n'.repeat(3);
    const moved = service.validate(service.parse(above + text));
    // Rules that compare records run afresh every time: only they may name lines of the file.
    const kept = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => !ACROSS_RECORDS.has(d.code));
    assert.deepStrictEqual(kept(moved), shiftRanges(kept(here), 3));
    const edited = service.parse(above + text, before, { start: 0, oldEnd: 0, newEnd: above.length });
    assert.deepStrictEqual(service.validate(edited), moved);
  });
}
