/**
 * "Add Connection Profile": asks for a name, the server URL, StartTLS where it applies, the bind
 * DN and the CA, checks each answer with the same checks as the setting (profileSettings.ts), and
 * adds the profile to the `winsyncLdif.profiles` setting of the workspace folder (the user
 * settings when no folder is open). The password is not asked here: the first apply asks for it
 * and keeps it in the editor's secret storage.
 */
import { commands, ConfigurationTarget, window, workspace, type QuickPickItem, type Uri } from 'vscode';
import { readProfiles } from '../apply/profileSettings';
import type { Profiles } from '../apply/profiles';

const TITLE = 'Winsync LDIF: add a connection profile';
const STEPS = 5;

/** The first problem the setting's checks find in `profile`, as the input box's message. */
function problemOf(profile: Record<string, unknown>, resource: Uri | undefined): string | undefined {
  const folder = resource && workspace.getWorkspaceFolder(resource);
  const base = folder?.uri.scheme === 'file' ? { workspaceFolder: folder.uri.fsPath } : {};
  return readProfiles([profile], base).problems[0];
}

function isLoopback(url: string): boolean {
  return /^ldaps?:\/\/(?:localhost|127(?:\.\d+){3}|\[::1\])(?::\d+)?\/?$/i.test(url.trim());
}

/** Returns the new profile's name, or undefined when the user cancelled. */
export async function addProfile(profiles: Profiles): Promise<string | undefined> {
  const resource = window.activeTextEditor?.document.uri ?? workspace.workspaceFolders?.[0]?.uri;
  const taken = new Set(profiles.read(resource).profiles.map((profile) => profile.name.toLowerCase()));
  const draft: Record<string, unknown> = {};
  const step = (n: number) => `${TITLE} (${n}/${STEPS})`;

  const name = await window.showInputBox({
    title: step(1),
    prompt: 'A short name, shown in the status bar and the Connection Profiles view',
    placeHolder: 'prod',
    ignoreFocusOut: true,
    validateInput: (value) =>
      !value.trim()
        ? 'Give the profile a name, e.g. prod.'
        : taken.has(value.trim().toLowerCase())
          ? `A profile named "${value.trim()}" exists already.`
          : undefined,
  });
  if (name === undefined) return undefined;
  draft.name = name.trim();

  const url = await window.showInputBox({
    title: step(2),
    prompt: 'The LDAP server: scheme, host and port',
    placeHolder: 'ldaps://ipa.example.com:636',
    value: 'ldaps://',
    valueSelection: [8, 8],
    ignoreFocusOut: true,
    validateInput: (value) => problemOf({ name: draft.name, url: value, bindDn: 'cn=x' }, resource),
  });
  if (url === undefined) return undefined;
  draft.url = url.trim();

  if (/^ldap:/i.test(draft.url as string)) {
    type Choice = QuickPickItem & { startTls: boolean };
    const choices: Choice[] = [
      {
        label: 'Upgrade with StartTLS',
        description: 'recommended',
        detail: 'The password and the LDIF travel encrypted.',
        startTls: true,
      },
      {
        label: 'Plain LDAP',
        description: isLoopback(draft.url as string) ? 'this server is on this machine' : 'unencrypted',
        detail:
          'The password and the LDIF travel in the clear; every apply warns unless the server is on this machine.',
        startTls: false,
      },
    ];
    const chosen = await window.showQuickPick(choices, {
      title: step(3),
      placeHolder: `${draft.url} is not encrypted by itself`,
      ignoreFocusOut: true,
    });
    if (!chosen) return undefined;
    if (chosen.startTls) draft.startTls = true;
  }

  const bindDn = await window.showInputBox({
    title: step(4),
    prompt: 'The DN to bind as',
    value: 'cn=Directory Manager',
    ignoreFocusOut: true,
    validateInput: (value) => problemOf({ ...draft, bindDn: value }, resource),
  });
  if (bindDn === undefined) return undefined;
  draft.bindDn = bindDn.trim();

  if (draft.startTls || /^ldaps:/i.test(draft.url as string)) {
    const caFile = await window.showInputBox({
      title: step(5),
      prompt:
        "The PEM file of the CA that signed the server certificate (IdM: /etc/ipa/ca.crt). Leave empty to trust the system's CAs.",
      placeHolder: '/etc/ipa/ca.crt',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? problemOf({ ...draft, caFile: value }, resource) : undefined),
    });
    if (caFile === undefined) return undefined;
    if (caFile.trim()) draft.caFile = caFile.trim();
  }

  const problem = problemOf(draft, resource);
  if (problem) {
    void window.showErrorMessage(`Winsync LDIF: the profile was not added: ${problem}`);
    return undefined;
  }
  const folder = resource && workspace.getWorkspaceFolder(resource);
  const settings = workspace.getConfiguration('winsyncLdif', folder?.uri);
  const target = folder ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Global;
  const inspected = settings.inspect<unknown>('profiles');
  const written = folder ? inspected?.workspaceFolderValue : inspected?.globalValue;
  await settings.update('profiles', [...(Array.isArray(written) ? written : []), draft], target);
  await commands.executeCommand('winsyncLdif.selectProfile', draft.name);
  void window.showInformationMessage(
    `Winsync LDIF: profile "${draft.name}" added to the ${folder ? 'workspace folder' : 'user'} settings and selected. Dry Run and Apply use it; the first one asks for the password and keeps it in the editor's secret storage.`,
  );
  return draft.name as string;
}
