/**
 * The language server in a node process (the desktop, code-server, the tests): IPC or stdio as
 * the arguments say, local files read, and a native digest. server.ts loads this module only in
 * node, so its imports of node built-ins are evaluated there alone.
 */
import { createHash } from 'node:crypto';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';

export function startNodeServer(): void {
  startLanguageServer(createConnection(ProposedFeatures.all), {
    localFileDiagnostics: async (...args) => (await import('./localFiles')).localFileDiagnostics(...args),
    // UTF-16, as the text is held: UTF-8 would turn every lone surrogate into the same U+FFFD.
    digest: (text) => createHash('sha1').update(text, 'utf16le').digest('base64'),
  });
}
