/**
 * The view's actions: refresh, open an agreement as LDIF (credentials withheld), compare the LDIF
 * record under the cursor with the live entry (a diff editor), send updates now, full
 * re-initialisation (after a confirmation, with progress until the total update ends), enable and
 * disable. Each command resolves to its outcome, so tests and other commands can read it.
 */
import { dirname } from 'node:path';
import {
  commands,
  EventEmitter,
  ProgressLocation,
  Uri,
  window,
  workspace,
  type CancellationToken,
  type Disposable,
  type ExtensionContext,
  type TextDocumentContentProvider,
} from 'vscode';
import {
  AGREEMENT_ACTIONS,
  agreementLdif,
  compareWithLive,
  readAgreement,
  readLiveEntry,
  recordOf,
  type AgreementAction,
  type Comparison,
} from '@apply/agreements';
import { formatExplanation } from '@apply/errors';
import { loadCatalog } from '@engine/catalog';
import { parseLdif } from '@engine/ldif/parser';
import { describeTime, type AgreementHealth } from '@engine/status/agreementHealth';
import { renderRemedy } from '../apply/remedies';
import { agreementAction, withSession, type AgreementsDeps } from './session';
import type { AgreementNode, AgreementsSnapshot, AgreementsView } from './view';

export const AGREEMENT_COMMANDS = {
  refresh: 'winsyncLdif.agreements.refresh',
  openLdif: 'winsyncLdif.agreements.openLdif',
  compare: 'winsyncLdif.agreements.compare',
  sendUpdatesNow: 'winsyncLdif.agreements.sendUpdatesNow',
  reinitialise: 'winsyncLdif.agreements.reinitialise',
  enable: 'winsyncLdif.agreements.enable',
  disable: 'winsyncLdif.agreements.disable',
} as const;

/** What an action command resolves to. */
export interface ActionOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** The agreement as read after the action, when it could be read. */
  readonly agreement?: AgreementHealth;
}

/** Read-only documents for the diff editor: `winsync-ldif-live:/<label>?<n>`. */
class LiveDocuments implements TextDocumentContentProvider, Disposable {
  static readonly scheme = 'winsync-ldif-live';
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  add(label: string, text: string): Uri {
    const uri = Uri.from({
      scheme: LiveDocuments.scheme,
      path: `/${label.replace(/[\\/]/g, '_')}.ldif`,
      query: String(++this.counter),
    });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

export class AgreementCommands {
  private readonly documents = new LiveDocuments();

  constructor(
    private readonly view: AgreementsView,
    private readonly deps: AgreementsDeps,
  ) {}

  register(context: ExtensionContext): void {
    const register = commands.registerCommand;
    const on = (action: Exclude<AgreementAction, 'total-update'>) => (node?: AgreementNode) => this.act(action, node);
    context.subscriptions.push(
      this.documents,
      workspace.registerTextDocumentContentProvider(LiveDocuments.scheme, this.documents),
      register(AGREEMENT_COMMANDS.refresh, (): Promise<AgreementsSnapshot> => this.view.refresh(true)),
      register(AGREEMENT_COMMANDS.openLdif, (node?: AgreementNode) => this.openLdif(node)),
      register(AGREEMENT_COMMANDS.compare, (uri?: Uri, index?: number) => this.compare(uri, index)),
      register(AGREEMENT_COMMANDS.sendUpdatesNow, on('send-updates-now')),
      register(AGREEMENT_COMMANDS.reinitialise, (node?: AgreementNode) => this.reinitialise(node)),
      register(AGREEMENT_COMMANDS.enable, on('enable')),
      register(AGREEMENT_COMMANDS.disable, on('disable')),
    );
  }

  /** The agreement a command is about: the clicked one, the only one, or the user's choice. */
  private async target(node: AgreementNode | undefined): Promise<AgreementHealth | undefined> {
    if (node?.kind === 'agreement') return node.health;
    if (this.view.agreements.length === 0) await this.view.refresh(true);
    const all = this.view.agreements;
    if (all.length <= 1) return all[0];
    const chosen = await window.showQuickPick(
      all.map((health) => ({ label: health.name, description: health.peer, detail: health.dn, health })),
      { title: 'Winsync LDIF: which agreement?' },
    );
    return chosen?.health;
  }

  private async openLdif(node?: AgreementNode): Promise<{ uri: string; text: string } | undefined> {
    const agreement = await this.target(node);
    const profile = this.view.activeProfile;
    if (!agreement || !profile) return this.nothing('Open as LDIF');
    const outcome = await withSession(profile, true, this.deps, async (session) => {
      const entry = await readLiveEntry(session.client, agreement.dn, [
        '*',
        'nsds5replicaLastUpdateStatus',
        'nsds5replicaLastInitStatus',
      ]);
      const health = await readAgreement(session.client, agreement.dn);
      return entry && health ? agreementLdif(entry, health, loadCatalog(), profile.url) : undefined;
    });
    if (!outcome.ok || outcome.value === undefined) {
      void window.showErrorMessage(
        `Winsync LDIF: ${outcome.ok ? `${agreement.dn} no longer exists.` : outcome.message}`,
      );
      return undefined;
    }
    const document = await workspace.openTextDocument({ language: 'ldif', content: outcome.value });
    await window.showTextDocument(document, { preview: false });
    return { uri: document.uri.toString(), text: outcome.value };
  }

  /**
   * The record under the cursor of the active LDIF editor (or record `index` of `uri`) beside the
   * live entry: left the entry as it is on the server, right as the record would leave it.
   */
  private async compare(uri?: Uri, index?: number): Promise<(Comparison & { title: string }) | undefined> {
    const editor = window.activeTextEditor;
    const document = uri ? await workspace.openTextDocument(uri) : editor?.document;
    if (!document || document.languageId !== 'ldif') {
      void window.showErrorMessage('Winsync LDIF: open an LDIF file and put the cursor in the record to compare.');
      return undefined;
    }
    const ldif = parseLdif(document.getText());
    const line = editor && editor.document === document ? editor.selection.active.line : 0;
    const recordIndex =
      index ?? ldif.records.findIndex((record) => record.range.start.line <= line && record.range.end.line >= line);
    const record = ldif.records[recordIndex];
    if (!record?.dn?.value) {
      void window.showErrorMessage('Winsync LDIF: the cursor is not in a record with a dn: line.');
      return undefined;
    }
    if (!this.view.activeProfile) await this.view.refresh(true);
    const profile = this.view.activeProfile;
    if (!profile) return this.nothing('Compare with live entry');
    const catalog = loadCatalog();
    const item = await recordOf(document.getText(), recordIndex, catalog, {
      file: workspace.asRelativePath(document.uri, false),
      baseDir: document.uri.scheme === 'file' ? dirname(document.uri.fsPath) : undefined,
    });
    if (!item) return undefined;
    const outcome = await withSession(profile, true, this.deps, (session) => compareWithLive(session, item, catalog));
    if (!outcome.ok) {
      void window.showErrorMessage(`Winsync LDIF: ${outcome.message}`);
      return undefined;
    }
    const comparison = outcome.value;
    const rdn = record.dn.value.split(/(?<!\\),/)[0];
    const title = `${rdn}: live on ${profile.name} ↔ after line ${record.dn.line.range.start.line + 1}`;
    const header =
      comparison.problems.length > 0
        ? comparison.problems
            .map((problem) => `# would fail: ${formatExplanation(problem, renderRemedy)}`.replace(/\n/g, ' '))
            .join('\n') + '\n'
        : '';
    await commands.executeCommand(
      'vscode.diff',
      this.documents.add(`${rdn} (live)`, comparison.live),
      this.documents.add(`${rdn} (after record)`, header + comparison.after),
      title,
    );
    return { ...comparison, title };
  }

  private async act(
    action: Exclude<AgreementAction, 'total-update'>,
    node?: AgreementNode,
  ): Promise<ActionOutcome | undefined> {
    const agreement = await this.target(node);
    const profile = this.view.activeProfile;
    if (!agreement || !profile) return this.nothing(AGREEMENT_ACTIONS[action].title);
    const titles = { 'send-updates-now': 'Sending updates now', enable: 'Enabling', disable: 'Disabling' } as const;
    const result = await window.withProgress(
      { location: ProgressLocation.Notification, title: `Winsync LDIF: ${titles[action]} "${agreement.name}"…` },
      () => agreementAction(profile, agreement.dn, agreement.name, action, this.deps),
    );
    const snapshot = await this.view.refresh(false);
    const after = snapshot.agreements.find((candidate) => candidate.dn === agreement.dn)?.health;
    const show = result.ok ? window.showInformationMessage : window.showErrorMessage;
    void show(`Winsync LDIF: ${result.message}`);
    return { ...result, ...(after ? { agreement: after } : {}) };
  }

  /** A total update, after a confirmation; the progress stays until the server says it ended. */
  private async reinitialise(node?: AgreementNode): Promise<ActionOutcome | undefined> {
    const agreement = await this.target(node);
    const profile = this.view.activeProfile;
    if (!agreement || !profile) return this.nothing(AGREEMENT_ACTIONS['total-update'].title);
    const start = 'Start Total Update';
    const detail =
      agreement.kind === 'windows'
        ? 'Every entry in the synced subtrees is compared with Active Directory and sent again in both directions; AD wins conflicting values. It may take long on large directories, and changes queue meanwhile.'
        : `The consumer ${agreement.peer} is overwritten with this server's copy of ${agreement.replicatedSuffix ?? 'the suffix'}.`;
    const choice = await window.showWarningMessage(
      `Re-initialise "${agreement.name}" (${agreement.peer}) with a total update?`,
      { modal: true, detail },
      start,
    );
    if (choice !== start) return { ok: false, message: 'Not started.' };
    const outcome = await window.withProgress(
      {
        location: ProgressLocation.Notification,
        title: `Winsync LDIF: total update of "${agreement.name}"`,
        cancellable: true,
      },
      async (progress, token) => {
        progress.report({ message: 'starting…' });
        const started = await agreementAction(profile, agreement.dn, agreement.name, 'total-update', this.deps);
        if (!started.ok) return started;
        return this.awaitTotalUpdate(agreement, (message) => progress.report({ message }), token);
      },
    );
    await this.view.refresh(false);
    (outcome.ok ? window.showInformationMessage : window.showErrorMessage)(`Winsync LDIF: ${outcome.message}`);
    return outcome;
  }

  /** Polls until nsds5BeginReplicaRefresh is gone (bounded; the cancel button stops waiting, not the update). */
  private async awaitTotalUpdate(
    agreement: AgreementHealth,
    report: (message: string) => void,
    token: CancellationToken,
  ): Promise<ActionOutcome> {
    const profile = this.view.activeProfile;
    if (!profile) return { ok: false, message: 'The connection profile went away.' };
    const begin = Date.now();
    const deadline = begin + 30 * 60_000;
    while (!token.isCancellationRequested && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const read = await withSession(profile, false, this.deps, (session) =>
        readAgreement(session.client, agreement.dn),
      );
      if (!read.ok) return { ok: false, message: read.message };
      const current = read.value;
      if (!current) return { ok: false, message: `${agreement.dn} no longer exists.` };
      if (!current.initInProgress) {
        const ok = current.init?.severity === 'ok';
        const status = current.lastInit
          ? `${current.lastInit.raw} (${describeTime(current.lastInit.time)})`
          : 'no status';
        return {
          ok,
          message: ok
            ? `Total update of "${agreement.name}" finished: ${status}.`
            : `Total update of "${agreement.name}" ended: ${status}. ${current.init ? `Fix: ${current.init.fix}` : ''}`.trim(),
          agreement: current,
        };
      }
      report(`running for ${Math.round((Date.now() - begin) / 1000)} s…`);
    }
    return {
      ok: false,
      message: token.isCancellationRequested
        ? `Stopped waiting; the total update of "${agreement.name}" goes on on the server (the view shows when it ends).`
        : `The total update of "${agreement.name}" is still running after 30 min; the view shows when it ends.`,
    };
  }

  private nothing(what: string): undefined {
    void window.showErrorMessage(
      `Winsync LDIF: ${what}: nothing to act on. Fix: Select a connection profile, then refresh the Sync Agreements view.`,
    );
    return undefined;
  }
}
