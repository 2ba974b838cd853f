// Stands in for minimatch in dist/client.js (scripts/build.mjs), which would cost 10 KB of the
// .vsix's 400 KB. vscode-languageclient matches globs only for what a server registers with
// patterns: notebook document filters, pull-diagnostic filters and file operations. The
// winsync-ldif language server registers none of them (test/lsp/diagnostics.test.ts checks its
// capabilities), so this is never called; if it were, it says why instead of matching wrongly.
'use strict';

function refuse() {
  throw new Error(
    'winsync-ldif: the client bundle leaves minimatch out (scripts/shims/minimatch.cjs), as the language server registers no glob patterns',
  );
}

class Minimatch {
  constructor() {
    refuse();
  }
}

module.exports = { Minimatch, minimatch: refuse };
