/** Wires the "Sync Agreements" view and its commands into the extension. */
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import type { PasswordStore } from '../apply/flow';
import { applyLog } from '../apply/output';
import type { Profiles } from '../apply/profiles';
import { askPassword } from '../apply/secrets';
import { AgreementCommands } from './commands';
import { AgreementsView } from './view';

export function registerAgreements(
  context: ExtensionContext,
  shared: { profiles: Profiles; passwords: PasswordStore; channel: LogOutputChannel },
): void {
  const deps = { passwords: shared.passwords, askPassword, log: applyLog(shared.channel) };
  const view = new AgreementsView(shared.profiles, deps);
  context.subscriptions.push(view);
  new AgreementCommands(view, deps).register(context);
}
