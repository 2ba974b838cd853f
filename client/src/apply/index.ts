/** Wires the apply feature into the extension: commands, status bar, diagnostics, log (the language server places the CodeLenses). */
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { ApplyCommands, COMMANDS } from './commands';
import { ApplyDiagnostics } from './diagnostics';
import { applyLog } from './output';
import { Profiles } from './profiles';
import { passwordStore } from './secrets';
import { profileStatusBar } from './statusBar';

/** Returns the connection profiles, which the server schema follows too. */
export function registerApply(context: ExtensionContext, channel: LogOutputChannel): Profiles {
  const profiles = new Profiles(context.workspaceState);
  const diagnostics = new ApplyDiagnostics();
  new ApplyCommands({
    profiles,
    passwords: passwordStore(context.secrets),
    log: applyLog(channel),
    diagnostics,
  }).register(context);
  context.subscriptions.push(profiles, diagnostics, profileStatusBar(profiles, COMMANDS.selectProfile));
  return profiles;
}
