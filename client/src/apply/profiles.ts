/**
 * Connection profiles from the `winsyncLdif.profiles` setting, and which one is active (kept
 * per workspace). Checking the setting is profileSettings.ts; this module only reads it from
 * VS Code and asks the user to choose.
 */
import {
  commands,
  EventEmitter,
  window,
  workspace,
  type Disposable,
  type Memento,
  type QuickPickItem,
  type Uri,
} from 'vscode';
import {
  identityOf,
  profileOrigin,
  readProfiles,
  type ConnectionProfile,
  type ProfileSettings,
} from './profileSettings';

const ACTIVE_KEY = 'winsyncLdif.activeProfile';
const SETTING = 'winsyncLdif.profiles';

export class Profiles implements Disposable {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: Disposable;

  constructor(private readonly state: Memento) {
    this.listener = workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) this.changed.fire();
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  /** The profiles that apply to `resource` (folder settings included), with relative caFile paths resolved against its folder. */
  read(resource?: Uri): ProfileSettings {
    const folder = (resource && workspace.getWorkspaceFolder(resource)) ?? workspace.workspaceFolders?.[0];
    const configuration = workspace.getConfiguration('winsyncLdif', resource);
    const raw = configuration.get<unknown>('profiles');
    return readProfiles(
      raw,
      folder?.uri.scheme === 'file' ? { workspaceFolder: folder.uri.fsPath } : {},
      profileOrigin(configuration.inspect<unknown>('profiles'), raw),
    );
  }

  /** The chosen profile, or the only one there is. */
  active(resource?: Uri): ConnectionProfile | undefined {
    const { profiles } = this.read(resource);
    const name = this.state.get<string>(ACTIVE_KEY);
    return profiles.find((profile) => profile.name === name) ?? (profiles.length === 1 ? profiles[0] : undefined);
  }

  async setActive(name: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  /** The profile to use for a run: the active one, else the user's choice; undefined (after saying why) when there is none. */
  async forRun(resource?: Uri): Promise<ConnectionProfile | undefined> {
    const settings = this.read(resource);
    const active = this.active(resource);
    if (active) return active;
    if (settings.profiles.length === 0) {
      const cause =
        settings.problems[0] ??
        'No connection profile is set up. Fix: Add one to the winsyncLdif.profiles setting, e.g. { "name": "prod", "url": "ldaps://ipa.example.com", "bindDn": "cn=Directory Manager" }.';
      void offerSettings(
        cause,
        settings.problems.length > 1 ? ` (${settings.problems.length - 1} more problem(s) in the setting)` : '',
      );
      return undefined;
    }
    return this.pick(resource);
  }

  /** "Select Connection Profile": a quick pick of the valid profiles, plus a way to the setting. */
  async pick(resource?: Uri): Promise<ConnectionProfile | undefined> {
    const { profiles, problems } = this.read(resource);
    const current = this.active(resource)?.name;
    type Item = QuickPickItem & { profile?: ConnectionProfile };
    const items: Item[] = profiles.map((profile) => ({
      label: profile.name,
      description: `${profile.url}${profile.name === current ? ' (active)' : ''}`,
      detail: [
        identityOf(profile),
        profile.origin ?? '',
        profile.startTls ? 'StartTLS' : '',
        profile.caFile ? `CA ${profile.caFile}` : '',
        profile.verifyTls ? '' : 'TLS verification OFF',
        profile.confirm ? 'asks before applying' : '',
      ]
        .filter(Boolean)
        .join(' · '),
      profile,
    }));
    items.push({ label: '$(gear) Edit profiles in settings…' });
    const chosen = await window.showQuickPick(items, {
      title: 'Winsync LDIF: connection profile',
      placeHolder:
        problems.length > 0
          ? `${problems.length} profile problem(s): ${problems[0]}`
          : 'The LDAP server to apply LDIF to',
      matchOnDescription: true,
    });
    if (!chosen) return undefined;
    if (!chosen.profile) {
      await openProfileSettings();
      return undefined;
    }
    await this.setActive(chosen.profile.name);
    return chosen.profile;
  }
}

async function offerSettings(message: string, more: string): Promise<void> {
  const open = 'Open Settings';
  if ((await window.showErrorMessage(`${message}${more}`, open)) === open) await openProfileSettings();
}

export function openProfileSettings(): Thenable<unknown> {
  return commands.executeCommand('workbench.action.openSettings', SETTING);
}
