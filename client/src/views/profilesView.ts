/**
 * The "Connection Profiles" view of the Winsync LDIF activity-bar container: the profiles of the
 * `winsyncLdif.profiles` setting with the active one marked, the setting's problems, and, when
 * there are none, a welcome text (package.json `viewsWelcome`) with "Add Connection Profile".
 */
import {
  commands,
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  window,
  workspace,
  type Disposable,
  type TreeDataProvider,
  type Uri,
} from 'vscode';
import { openProfileSettings, type Profiles } from '../apply/profiles';
import { addProfile } from './addProfile';

export const VIEW_ID = 'winsyncLdif.profiles';
export const PROFILE_COMMANDS = {
  add: 'winsyncLdif.addProfile',
  edit: 'winsyncLdif.editProfiles',
  select: 'winsyncLdif.selectProfile',
} as const;

type Node = { readonly kind: 'profile'; readonly name: string } | { readonly kind: 'problem'; readonly text: string };

/** The resource whose settings count: the active editor's, else the first workspace folder's. */
function currentResource(): Uri | undefined {
  return window.activeTextEditor?.document.uri ?? workspace.workspaceFolders?.[0]?.uri;
}

class ProfileTree implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly profiles: Profiles) {}

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    if (node) return [];
    const { profiles, problems } = this.profiles.read(currentResource());
    return [
      ...profiles.map((profile): Node => ({ kind: 'profile', name: profile.name })),
      ...problems.map((text): Node => ({ kind: 'problem', text })),
    ];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'problem') {
      const item = new TreeItem(node.text);
      item.iconPath = new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = node.text;
      item.command = { title: 'Edit Profiles in Settings', command: PROFILE_COMMANDS.edit };
      return item;
    }
    const resource = currentResource();
    const profile = this.profiles.read(resource).profiles.find((candidate) => candidate.name === node.name);
    const active = this.profiles.active(resource)?.name === node.name;
    const item = new TreeItem(node.name);
    item.id = `profile:${node.name}`;
    item.description = `${profile?.url ?? ''}${active ? ' · active' : ''}`;
    item.tooltip = profile
      ? [
          `${profile.url} as ${profile.bindDn}`,
          profile.startTls ? 'StartTLS' : '',
          profile.caFile ? `CA file ${profile.caFile}` : '',
          profile.verifyTls ? '' : 'TLS certificate verification is OFF',
          profile.confirm ? 'Asks before every apply' : '',
          active ? 'Apply and Dry Run use this profile.' : 'Click to make it the profile Apply and Dry Run use.',
        ]
          .filter(Boolean)
          .join('\n')
      : undefined;
    item.iconPath = new ThemeIcon(
      active ? 'pass-filled' : 'server',
      profile && !profile.verifyTls ? new ThemeColor('problemsWarningIcon.foreground') : undefined,
    );
    item.contextValue = 'profile';
    item.command = { title: 'Select Connection Profile', command: PROFILE_COMMANDS.select, arguments: [node.name] };
    return item;
  }
}

export function profilesView(profiles: Profiles): Disposable {
  const tree = new ProfileTree(profiles);
  const parts: Disposable[] = [
    tree,
    window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: false }),
    profiles.onDidChange(() => tree.refresh()),
    // Folder settings may differ: the list follows the active editor.
    window.onDidChangeActiveTextEditor(() => tree.refresh()),
    commands.registerCommand(PROFILE_COMMANDS.add, () => addProfile(profiles)),
    commands.registerCommand(PROFILE_COMMANDS.edit, () => openProfileSettings()),
  ];
  return { dispose: () => parts.forEach((part) => part.dispose()) };
}
