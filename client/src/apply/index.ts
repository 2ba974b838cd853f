/** Wires the apply feature into the extension: commands, status bar, diagnostics, log (the language server places the CodeLenses). */
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { ApplyCommands, COMMANDS } from './commands';
import { ApplyDiagnostics } from './diagnostics';
import { applyLog } from './output';
import { Profiles } from './profiles';
import type { PasswordStore } from './flow';
import { passwordStore } from './secrets';
import { profileStatusBar } from './statusBar';

/** The connection profiles and their passwords, which the Sync Agreements view and the server schema use too. */
export function registerApply(
  context: ExtensionContext,
  channel: LogOutputChannel,
): { profiles: Profiles; passwords: PasswordStore } {
  const profiles = new Profiles(context.workspaceState);
  const passwords = passwordStore(context.secrets);
  const diagnostics = new ApplyDiagnostics();
  new ApplyCommands({ profiles, passwords, log: applyLog(channel), diagnostics }).register(context);
  context.subscriptions.push(profiles, diagnostics, profileStatusBar(profiles, COMMANDS.selectProfile));
  return { profiles, passwords };
}
