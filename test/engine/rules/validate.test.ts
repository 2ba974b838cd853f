import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Severity } from '../../../server/src/engine/ldif/ast';
import { applySettings } from '../../../server/src/engine/rules/validate';

function at(line: number, severity: Severity, code = 'ldif/missing-dn'): Diagnostic {
  return {
    code,
    severity,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    message: `${severity} on ${line}`,
  };
}

test('over the cap, errors are kept before warnings and infos, and the kept ones stay in position order', () => {
  const diagnostics = [
    at(0, 'warning'),
    at(1, 'info'),
    at(2, 'warning'),
    at(3, 'error'),
    at(4, 'hint'),
    at(5, 'error'),
    at(6, 'warning'),
  ];
  const capped = applySettings(diagnostics, { maxDiagnostics: 3 });
  assert.deepEqual(
    capped.map((d) => `${d.severity}@${d.range.start.line}`),
    ['warning@0', 'error@3', 'error@5', 'info@1'],
  );
  const summary = capped[3];
  assert.equal(summary.code, 'winsync/too-many-diagnostics');
  assert.match(summary.message, /^Only 3 of 7 problems are shown \(errors first/);
  // Placed at the first problem left out.
  assert.equal(summary.range.start.line, 1);
});

test('thousands of warnings before one error do not hide the error', () => {
  const diagnostics = [...Array.from({ length: 5000 }, (_, i) => at(i, 'warning')), at(5000, 'error')];
  const capped = applySettings(diagnostics, { maxDiagnostics: 1000 });
  assert.equal(capped.length, 1001);
  assert.ok(capped.some((d) => d.severity === 'error' && d.range.start.line === 5000));
  assert.equal(capped.filter((d) => d.severity === 'warning').length, 999);
});

test('under the cap, everything is kept in position order with no summary', () => {
  const capped = applySettings([at(2, 'error'), at(1, 'warning')], { maxDiagnostics: 2 });
  assert.deepEqual(
    capped.map((d) => d.range.start.line),
    [1, 2],
  );
});
