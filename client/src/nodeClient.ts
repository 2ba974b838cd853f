/**
 * The extension in node (the desktop, code-server): the language server as a node process over
 * IPC, and apply, the connection profiles, the agreements and the server schema beside it.
 */
import * as path from 'node:path';
import { commands, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_LAUNCHER, launchArguments, serverEnvironment } from '@lsp/launch';
import { registerAgreements } from './agreements';
import { registerApply } from './apply';
import { RECORD_LENSES, recordLensMiddleware, showLensesOnTrust } from './apply/codeLens';
import { registerExamples } from './examples';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './languageClient';
import { registerSchema } from './schema';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', SERVER_LAUNCHER));
  // The V8 code cache lives in the extension's global storage, a folder of the user's own.
  const args = launchArguments(path.join(context.globalStorageUri.fsPath, 'code-cache'));
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, args, options: { env } },
    debug: {
      module,
      transport: TransportKind.ipc,
      args,
      options: { env, execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, {
    ...clientOptions(),
    initializationOptions: { recordLenses: RECORD_LENSES },
    middleware: recordLensMiddleware,
  });
  context.subscriptions.push(registerExamples());
  // Apply runs here in the extension host and logs to the client's "Winsync LDIF" channel.
  const { profiles, passwords } = registerApply(context, client.outputChannel);
  registerAgreements(context, { profiles, passwords, channel: client.outputChannel });
  context.subscriptions.push(showLensesOnTrust(client));
  // Shows the apply menus, the Connection Profiles view and the walkthrough's apply steps: an
  // extension host without sockets (the browser) has no apply and leaves them hidden.
  await commands.executeCommand('setContext', 'winsyncLdif.canApply', true);
  await client.start();
  // The active profile's server schema, handed to the language server.
  registerSchema(context, client, profiles, client.outputChannel);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
