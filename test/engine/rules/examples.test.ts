import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/engine/rules';
import { getLanguageService } from '../../../server/src/engine/service';
import { applyEdits, chosenFix, exampleDiagnostics } from '../../../scripts/docs/rulePages';

const service = getLanguageService();

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
