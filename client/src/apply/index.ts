/** Wires the apply feature into the extension: commands, CodeLens, status bar, diagnostics, log. */
import { languages, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { RecordCodeLenses } from './codeLens';
import { ApplyCommands, COMMANDS } from './commands';
import { ApplyDiagnostics } from './diagnostics';
import { applyLog } from './output';
import { Profiles } from './profiles';
import { passwordStore } from './secrets';
import { profileStatusBar } from './statusBar';

/** Returns the connection profiles, which the server schema follows too. */
export function registerApply(context: ExtensionContext, channel: LogOutputChannel): Profiles {
  const profiles = new Profiles(context.workspaceState);
  const lenses = new RecordCodeLenses({ apply: COMMANDS.applyRecord, dryRun: COMMANDS.dryRunRecord });
  const diagnostics = new ApplyDiagnostics();
  new ApplyCommands({ profiles, passwords: passwordStore(context.secrets), log: applyLog(channel), diagnostics, lenses }).register(context);
  context.subscriptions.push(
    profiles,
    lenses,
    diagnostics,
    languages.registerCodeLensProvider({ language: 'ldif' }, lenses),
    profileStatusBar(profiles, COMMANDS.selectProfile),
  );
  return profiles;
}
