/** Wires the apply feature into the extension: commands, CodeLens, status bar, diagnostics, log. */
import { languages, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { RecordCodeLenses } from './codeLens';
import { ApplyCommands, COMMANDS } from './commands';
import { ApplyDiagnostics } from './diagnostics';
import { applyLog } from './output';
import type { PasswordStore } from './flow';
import { Profiles } from './profiles';
import { passwordStore } from './secrets';
import { profileStatusBar } from './statusBar';

/** Returns the connection profiles and the password store, which the Sync Agreements view shares. */
export function registerApply(context: ExtensionContext, channel: LogOutputChannel): { profiles: Profiles; passwords: PasswordStore } {
  const profiles = new Profiles(context.workspaceState);
  const passwords = passwordStore(context.secrets);
  const lenses = new RecordCodeLenses({ apply: COMMANDS.applyRecord, dryRun: COMMANDS.dryRunRecord });
  const diagnostics = new ApplyDiagnostics();
  new ApplyCommands({ profiles, passwords, log: applyLog(channel), diagnostics, lenses }).register(context);
  context.subscriptions.push(
    profiles,
    lenses,
    diagnostics,
    languages.registerCodeLensProvider({ language: 'ldif' }, lenses),
    profileStatusBar(profiles, COMMANDS.selectProfile),
  );
  return { profiles, passwords };
}
