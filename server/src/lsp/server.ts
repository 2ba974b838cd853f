/**
 * The entry of dist/server.js, one bundle for both hosts: in node (the desktop, code-server, the
 * tests) it speaks over IPC or stdio and reads local files (nodeHost.ts); in a browser's web
 * worker (the web extension on vscode.dev and github.dev) it speaks over the worker's messages.
 * Each host's modules are loaded only where it runs (the bundle keeps them in closures), so a web
 * worker never evaluates a require of a node built-in. The bundle holds no import() of a module
 * outside it: node runs it from a V8 code cache (serverLauncher.ts), where V8 would refuse one.
 */
import { startLanguageServer } from './languageServer';

const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

async function start(): Promise<void> {
  if (inWebWorker) {
    const lsp = await import('vscode-languageserver/browser');
    const scope = globalThis as unknown as ConstructorParameters<typeof lsp.BrowserMessageReader>[0];
    startLanguageServer(lsp.createConnection(new lsp.BrowserMessageReader(scope), new lsp.BrowserMessageWriter(scope)));
  } else {
    const { connection, host } = (await import('./nodeHost')).nodeConnection();
    startLanguageServer(connection, host);
  }
}

void start();
