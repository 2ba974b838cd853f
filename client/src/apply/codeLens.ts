/**
 * "Apply" and "Dry run" above every record. The language server, which has the parse, places
 * them; the client says which commands they run and how they read, and hands the commands the
 * document's Uri where the server can only send its URI string. In Restricted Mode applying
 * needs trust, so no record offers it until the workspace is trusted.
 */
import { window, workspace, type CodeLens, type Disposable, type TextDocument } from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient/node';
import { COMMANDS } from './commands';

/** Sent to the server as `initializationOptions.recordLenses`. */
export const RECORD_LENSES = [
  { title: 'Apply', tooltip: 'Apply this record to the active connection profile', command: COMMANDS.applyRecord },
  {
    title: 'Dry run',
    tooltip: 'Show what this record would change on the server, writing nothing',
    command: COMMANDS.dryRunRecord,
  },
] as const;

/** The server's lenses run their command with (uri, record index); the commands take the document's Uri. */
export const recordLensMiddleware: Pick<Middleware, 'provideCodeLenses'> = {
  async provideCodeLenses(document, token, next) {
    if (!workspace.isTrusted) return [];
    const lenses = await next(document, token);
    return lenses?.map((lens) => withDocumentUri(lens, document));
  },
};

/** Asks for the lenses again once the workspace is trusted. */
export function showLensesOnTrust(client: BaseLanguageClient): Disposable {
  return workspace.onDidGrantWorkspaceTrust(() => {
    const feature = client.getFeature('textDocument/codeLens');
    for (const editor of window.visibleTextEditors)
      feature.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
  });
}

function withDocumentUri(lens: CodeLens, document: TextDocument): CodeLens {
  const args = lens.command?.arguments;
  if (lens.command && args) lens.command.arguments = [document.uri, ...args.slice(1)];
  return lens;
}
