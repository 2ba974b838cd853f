/**
 * The entry of dist/server.js, one bundle for both hosts: in node (the desktop, code-server, the
 * tests) it speaks over IPC or stdio and reads local files; in a browser's web worker (the web
 * extension on vscode.dev and github.dev) it speaks over the worker's messages. Each host's
 * modules are loaded only where it runs (the bundle keeps them in closures), so a web worker never
 * evaluates a require of a node built-in.
 */
import { startLanguageServer } from './languageServer';

const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

async function start(): Promise<void> {
  if (inWebWorker) {
    const lsp = await import('vscode-languageserver/browser');
    const scope = globalThis as unknown as ConstructorParameters<typeof lsp.BrowserMessageReader>[0];
    startLanguageServer(lsp.createConnection(new lsp.BrowserMessageReader(scope), new lsp.BrowserMessageWriter(scope)));
  } else {
    const lsp = await import('vscode-languageserver/node');
    const { createHash } = await import('node:crypto');
    startLanguageServer(lsp.createConnection(lsp.ProposedFeatures.all), {
      localFileDiagnostics: async (...args) => (await import('./localFiles')).localFileDiagnostics(...args),
      // UTF-16, as the text is held: UTF-8 would turn every lone surrogate into the same U+FFFD.
      digest: (text) => createHash('sha1').update(text, 'utf16le').digest('base64'),
    });
  }
}

void start();
