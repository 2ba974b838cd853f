import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { checkFailedDiagnostic } from '../../../../server/src/lsp/convert';

test('when checking a document fails, the language server shows one error naming the reason and where to report it', () => {
  const diagnostic = checkFailedDiagnostic(new RangeError('Maximum call stack size exceeded'));
  assert.equal(diagnostic.code, 'winsync/check-failed');
  assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(
    diagnostic.message,
    'winsync-ldif could not check this file (Maximum call stack size exceeded); other files are still checked. Please report this with the file (see the winsync-ldif output for details).',
  );
  assert.equal(
    diagnostic.codeDescription?.href,
    'https://github.com/winsync-ldif/winsync-ldif/blob/main/docs/rules/winsync/check-failed.md',
  );
});
