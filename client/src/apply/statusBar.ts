/** The active connection profile in the status bar while an LDIF editor is in front; a click selects another. */
import { StatusBarAlignment, ThemeColor, window, workspace, type Disposable } from 'vscode';
import { identityOf } from './profileSettings';
import type { Profiles } from './profiles';

export function profileStatusBar(profiles: Profiles, selectCommand: string): Disposable {
  const item = window.createStatusBarItem('winsyncLdif.profile', StatusBarAlignment.Left, 50);
  item.name = 'Winsync LDIF connection profile';
  item.command = selectCommand;
  const update = () => {
    const editor = window.activeTextEditor;
    // Restricted Mode: applying needs trust, so there is no target to show.
    if (editor?.document.languageId !== 'ldif' || !workspace.isTrusted) {
      item.hide();
      return;
    }
    const profile = profiles.active(editor.document.uri);
    if (profile) {
      item.text = `$(server) ${profile.name}`;
      item.tooltip = `Apply target: ${profile.url} as ${identityOf(profile)}${profile.origin ? `, from ${profile.origin}` : ''}${profile.verifyTls ? '' : ' — TLS certificate verification is OFF'}${profile.confirm ? ' (asks before applying)' : ''}. Click to choose another profile.`;
      item.backgroundColor = profile.verifyTls ? undefined : new ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = '$(server) No LDAP profile';
      item.tooltip = 'No connection profile selected for applying LDIF. Click to choose or set one up.';
      item.backgroundColor = undefined;
    }
    item.show();
  };
  update();
  const listeners = [
    window.onDidChangeActiveTextEditor(update),
    profiles.onDidChange(update),
    workspace.onDidGrantWorkspaceTrust(update),
  ];
  return { dispose: () => [item, ...listeners].forEach((d) => d.dispose()) };
}
