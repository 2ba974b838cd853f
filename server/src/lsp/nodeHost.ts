/**
 * The language server's connection and host in a node process (the desktop, code-server, the
 * tests): IPC or stdio as the arguments say, local files read, and a native digest. server.ts
 * loads this module only in node, so its imports of node built-ins are evaluated there alone; it
 * imports nothing of the engine, which esbuild would otherwise wrap in lazy initialisers.
 */
import { createHash } from 'node:crypto';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import type { ServerHost } from './languageServer';

export function nodeConnection(): { connection: Connection; host: ServerHost } {
  return {
    connection: createConnection(ProposedFeatures.all),
    host: {
      localFileDiagnostics: async (...args) => (await import('./localFiles')).localFileDiagnostics(...args),
      // UTF-16, as the text is held: UTF-8 would turn every lone surrogate into the same U+FFFD.
      digest: (text) => createHash('sha1').update(text, 'utf16le').digest('base64'),
    },
  };
}
