/**
 * The entry of dist/client.js, package.json's `main` and `browser` both: in node (the desktop,
 * code-server) the extension starts the language server as a node process and offers apply, the
 * connection profiles and the agreements; in a browser's web worker extension host (vscode.dev,
 * github.dev), which has no sockets and no processes, it starts the same server bundle as a web
 * worker and offers the editing features only. Each host's modules are loaded only where it runs
 * (the bundle keeps them in closures), so the web never evaluates a require of a node module.
 */
import type { ExtensionContext } from 'vscode';

interface Host {
  activate(context: ExtensionContext): Promise<void>;
  deactivate(): Promise<void>;
}

const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
let host: Promise<Host> | undefined;

function loadHost(): Promise<Host> {
  return (host ??= inWebWorker ? import('./browserClient') : import('./nodeClient'));
}

export async function activate(context: ExtensionContext): Promise<void> {
  await (await loadHost()).activate(context);
}

export async function deactivate(): Promise<void> {
  await (await loadHost()).deactivate();
}
