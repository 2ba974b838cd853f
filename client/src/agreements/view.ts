/**
 * The "Sync Agreements" view: the replication and Windows sync agreements of the server the
 * active connection profile points at, each with its state in words (rows.ts), refreshed while the
 * view is visible (winsyncLdif.agreements.refreshSeconds). The refresh command resolves to what the
 * view shows, so tests read exactly that.
 */
import {
  Disposable,
  EventEmitter,
  MarkdownString,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  workspace,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import type { AgreementHealth } from '@engine/status/agreementHealth';
import type { ConnectionProfile } from '../apply/profileSettings';
import type { Profiles } from '../apply/profiles';
import { agreementRow, type AgreementRow, type DetailRow, type RowIcon } from './rows';
import { loadAgreements, type AgreementsDeps } from './session';

export const VIEW_ID = 'winsyncLdif.agreements';
const INTERVAL_SETTING = 'agreements.refreshSeconds';

export type AgreementNode =
  | { readonly kind: 'agreement'; readonly row: AgreementRow; readonly health: AgreementHealth }
  | { readonly kind: 'detail'; readonly row: DetailRow; readonly id: string };

/** What the view shows, as plain data. */
export interface AgreementsSnapshot {
  readonly profile: string | undefined;
  /** The line above the tree (no profile, no password, a failure), if any. */
  readonly message: string | undefined;
  readonly agreements: readonly {
    readonly dn: string;
    readonly label: string;
    readonly description: string;
    readonly tooltip: string;
    readonly contextValue: string;
    readonly details: readonly { readonly label: string; readonly description?: string }[];
    readonly health: AgreementHealth;
  }[];
}

const ICON_COLOR: Partial<Record<RowIcon, string>> = {
  pass: 'testing.iconPassed',
  error: 'testing.iconFailed',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
};

function icon(name: RowIcon): ThemeIcon {
  const color = ICON_COLOR[name];
  return new ThemeIcon(name, color ? new ThemeColor(color) : undefined);
}

export class AgreementsView implements TreeDataProvider<AgreementNode>, Disposable {
  private readonly changed = new EventEmitter<AgreementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: TreeView<AgreementNode>;
  private nodes: Extract<AgreementNode, { kind: 'agreement' }>[] = [];
  private profile: ConnectionProfile | undefined;
  private message: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<AgreementsSnapshot> | undefined;
  private loadingInteractive = false;
  private readonly disposables: Disposable[];

  constructor(
    private readonly profiles: Profiles,
    private readonly deps: AgreementsDeps,
  ) {
    this.view = window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(() => this.schedule(true)),
      profiles.onDidChange(() => void this.refresh(false)),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`winsyncLdif.${INTERVAL_SETTING}`)) this.schedule(false);
      }),
    ];
    this.schedule(true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  getTreeItem(node: AgreementNode): TreeItem {
    if (node.kind === 'agreement') {
      const item = new TreeItem(node.row.label, TreeItemCollapsibleState.Expanded);
      item.id = node.row.id;
      item.description = node.row.description;
      item.tooltip = new MarkdownString(node.row.tooltip);
      item.iconPath = icon(node.row.icon);
      item.contextValue = node.row.contextValue;
      return item;
    }
    const item = new TreeItem(node.row.label, TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.row.description;
    item.tooltip = node.row.tooltip ?? node.row.label;
    item.iconPath = icon(node.row.icon);
    item.contextValue = 'agreement-detail';
    return item;
  }

  getChildren(node?: AgreementNode): AgreementNode[] {
    if (!node) return this.nodes;
    if (node.kind === 'detail') return [];
    return node.row.details.map((row, index) => ({ kind: 'detail', row, id: `${node.row.id}#${index}` }));
  }

  getParent(node: AgreementNode): AgreementNode | undefined {
    return node.kind === 'detail'
      ? this.nodes.find((candidate) => node.id.startsWith(`${candidate.row.id}#`))
      : undefined;
  }

  /** The agreements as last loaded (for actions that pick one). */
  get agreements(): readonly AgreementHealth[] {
    return this.nodes.map((node) => node.health);
  }

  get activeProfile(): ConnectionProfile | undefined {
    return this.profiles.active(window.activeTextEditor?.document.uri);
  }

  /**
   * Reads the agreements again. `interactive`: the user asked, so a missing profile or password
   * is asked for; the periodic refresh never prompts. Concurrent calls share one load.
   */
  refresh(interactive: boolean): Promise<AgreementsSnapshot> {
    // A click on Refresh during a background load must still be allowed to ask for a password.
    if (this.loading && interactive && !this.loadingInteractive) return this.loading.then(() => this.refresh(true));
    if (!this.loading) {
      this.loadingInteractive = interactive;
      this.loading = this.load(interactive).finally(() => {
        this.loading = undefined;
        this.schedule(false);
      });
    }
    return this.loading;
  }

  private async load(interactive: boolean): Promise<AgreementsSnapshot> {
    const resource = window.activeTextEditor?.document.uri;
    const profile = this.profiles.active(resource) ?? (interactive ? await this.profiles.forRun(resource) : undefined);
    if (profile?.name !== this.profile?.name) this.nodes = [];
    this.profile = profile;
    if (!profile) {
      this.show(
        undefined,
        'No connection profile selected: choose one ("Select Connection Profile") to see its server\'s agreements.',
      );
      return this.snapshot();
    }
    this.view.description = profile.name;
    const outcome = await loadAgreements(profile, interactive, this.deps);
    if (!outcome.ok) {
      this.show(undefined, outcome.message);
      return this.snapshot();
    }
    const now = new Date();
    this.show(
      outcome.value.map((health) => ({ kind: 'agreement', row: agreementRow(health, now), health })),
      outcome.value.length === 0
        ? `${profile.url} has no replication or Windows sync agreement under cn=mapping tree,cn=config.`
        : undefined,
    );
    return this.snapshot();
  }

  private show(nodes: Extract<AgreementNode, { kind: 'agreement' }>[] | undefined, message: string | undefined): void {
    if (nodes) this.nodes = nodes;
    this.message = message;
    this.view.message = message;
    this.changed.fire(undefined);
  }

  snapshot(): AgreementsSnapshot {
    return {
      profile: this.profile?.name,
      message: this.message,
      agreements: this.nodes.map((node) => ({
        dn: node.row.id,
        label: node.row.label,
        description: node.row.description,
        tooltip: node.row.tooltip,
        contextValue: node.row.contextValue,
        details: node.row.details.map((row) => ({
          label: row.label,
          ...(row.description ? { description: row.description } : {}),
        })),
        health: node.health,
      })),
    };
  }

  /** Re-arms the timer: refreshes every N seconds while the view is visible; `now` also refreshes at once. */
  private schedule(now: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    if (now) {
      void this.refresh(false);
      return;
    }
    const seconds = workspace.getConfiguration('winsyncLdif').get<number>(INTERVAL_SETTING, 15);
    if (seconds > 0) this.timer = setTimeout(() => void this.refresh(false), seconds * 1000);
  }
}
