/**
 * The extension in a browser (vscode.dev, github.dev): the language server runs as a web worker
 * on dist/server.js, so validation, hover, completion, quick fixes, outline, folding and
 * formatting work as on the desktop. Apply, the connection profiles and the agreements need
 * sockets, which a browser does not give: their commands, menus and views stay hidden, as their
 * when-clauses ask for `winsyncLdif.canApply`, which only the node client sets.
 */
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerExamples } from './examples';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './languageClient';

/** The extension host's Worker (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'server.js');
  const worker = new Worker(serverMain.toString(true), { name: CLIENT_NAME });
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions());
  context.subscriptions.push(registerExamples());
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
