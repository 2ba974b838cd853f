import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';

// The client bundle replaces minimatch with a stand-in that refuses to match
// (scripts/shims/minimatch.cjs): vscode-languageclient needs globs only for what a server registers
// with patterns. A server that offered any of these would need the real minimatch back.
test('the server registers nothing that the client would match globs for', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.stop());
  const capabilities = client.initializeResult?.capabilities;
  assert.ok(capabilities?.hoverProvider, 'initialized');
  assert.equal(capabilities.notebookDocumentSync, undefined);
  assert.equal(capabilities.diagnosticProvider, undefined);
  assert.equal(capabilities.workspace?.fileOperations, undefined);
});
