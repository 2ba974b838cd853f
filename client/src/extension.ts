import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerAgreements } from './agreements';
import { registerApply } from './apply';
import { RECORD_LENSES, recordLensMiddleware, showLensesOnTrust } from './apply/codeLens';
import { registerSchema } from './schema';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'ldif' }],
    synchronize: { configurationSection: 'winsyncLdif' },
    initializationOptions: { recordLenses: RECORD_LENSES },
    middleware: recordLensMiddleware,
  };
  client = new LanguageClient('winsyncLdif', 'Winsync LDIF', serverOptions, clientOptions);
  // Apply runs here in the extension host and logs to the client's "Winsync LDIF" channel.
  const { profiles, passwords } = registerApply(context, client.outputChannel);
  registerAgreements(context, { profiles, passwords, channel: client.outputChannel });
  context.subscriptions.push(showLensesOnTrust(client));
  await client.start();
  // The active profile's server schema, handed to the language server.
  registerSchema(context, client, profiles, client.outputChannel);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
