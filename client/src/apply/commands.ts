/**
 * The apply commands: which document and records, which profile, then flow.ts inside a
 * cancellable progress notification, then the results as a notification, log lines and
 * diagnostics. Each command resolves to the flow's outcome (undefined when it did not start),
 * so tests and other commands can read what happened.
 */
import {
  commands,
  ProgressLocation,
  window,
  workspace,
  type ExtensionContext,
  type TextDocument,
  type Uri,
} from 'vscode';
import type { Secret } from '@apply/secret';
import { parseLdif } from '@engine/ldif/parser';
import { loadCatalog, type Catalog } from '@engine/catalog';
import type { ValidationSettings } from '@engine/rules/validate';
import type { ApplyDiagnostics } from './diagnostics';
import { runFlow, type FlowMode, type FlowOutcome, type FlowUi, type PasswordStore } from './flow';
import type { ApplyLog } from './output';
import { identityOf, type ConnectionProfile } from './profileSettings';
import type { Profiles } from './profiles';
import { recordsTouching } from './records';
import { applyProblems, dryRunProblems } from './resultDiagnostics';
import { askPassword, forgottenMessage } from './secrets';

export const COMMANDS = {
  applyFile: 'winsyncLdif.applyFile',
  applySelection: 'winsyncLdif.applySelection',
  dryRun: 'winsyncLdif.dryRun',
  applyRecord: 'winsyncLdif.applyRecord',
  dryRunRecord: 'winsyncLdif.dryRunRecord',
  selectProfile: 'winsyncLdif.selectProfile',
  forgetPassword: 'winsyncLdif.forgetPassword',
} as const;

export interface ApplyHost {
  readonly profiles: Profiles;
  readonly passwords: PasswordStore;
  readonly log: ApplyLog;
  readonly diagnostics: ApplyDiagnostics;
}

const SHOW_LOG = 'Show Log';

export class ApplyCommands {
  private catalog: Catalog | undefined;
  private running = false;

  constructor(private readonly host: ApplyHost) {}

  register(context: ExtensionContext): void {
    const register = commands.registerCommand;
    context.subscriptions.push(
      register(COMMANDS.applyFile, (uri?: Uri) => this.run('apply', uri)),
      register(COMMANDS.dryRun, (uri?: Uri) => this.run('dry-run', uri)),
      register(COMMANDS.applySelection, () => this.applySelection()),
      register(COMMANDS.applyRecord, (uri: Uri, index: number) => this.run('apply', uri, [index])),
      register(COMMANDS.dryRunRecord, (uri: Uri, index: number) => this.run('dry-run', uri, [index])),
      register(COMMANDS.selectProfile, (name?: string) => this.selectProfile(name)),
      register(COMMANDS.forgetPassword, (name?: string) => this.forgetPassword(name)),
    );
  }

  /** Applies (or dry-runs) the document at `uri` (default: the active editor), or only the records `only`. */
  async run(mode: FlowMode, uri?: Uri, only?: readonly number[]): Promise<FlowOutcome | undefined> {
    if (!workspace.isTrusted) {
      // Restricted Mode: the workspace may have chosen the server, the file and the local files it reads.
      const manage = 'Manage Workspace Trust';
      void window
        .showWarningMessage(
          'Winsync LDIF: applying to a server needs a trusted workspace; validation, hover and completion work in Restricted Mode.',
          manage,
        )
        .then((choice) => choice === manage && commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const document = await this.documentFor(uri);
    if (!document) return undefined;
    if (this.running) {
      void window.showWarningMessage(
        'Winsync LDIF: an apply is already running. Wait for it, or cancel it in its notification.',
      );
      return undefined;
    }
    this.running = true;
    try {
      const profile = await this.host.profiles.forRun(document.uri);
      if (!profile) return undefined;
      return await this.runWith(mode, document, profile, only);
    } finally {
      this.running = false;
    }
  }

  private async applySelection(): Promise<FlowOutcome | undefined> {
    const editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'ldif') return this.run('apply');
    // A selection that ends at column 0 of a line does not include that line.
    const spans = editor.selections.map((selection) => ({
      start: selection.start.line,
      end:
        selection.end.character === 0 && selection.end.line > selection.start.line
          ? selection.end.line - 1
          : selection.end.line,
    }));
    return this.run('apply', editor.document.uri, recordsTouching(parseLdif(editor.document.getText()), spans));
  }

  private async runWith(
    mode: FlowMode,
    document: TextDocument,
    profile: ConnectionProfile,
    only?: readonly number[],
  ): Promise<FlowOutcome> {
    const version = document.version;
    const label = document.isUntitled ? 'untitled' : workspace.asRelativePath(document.uri, false);
    const input = {
      file: document.isUntitled ? undefined : label,
      path: document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
      text: document.getText(),
    };

    const settings = workspace.getConfiguration('winsyncLdif', document.uri);
    const maxMiB = settings.get<number>('maxValueFileSizeMiB');
    const validation: ValidationSettings = {
      severity: settings.get('severity') ?? {},
      disabledGroups: settings.get('disabledGroups') ?? [],
    };
    const catalog = (this.catalog ??= loadCatalog());
    const title = `Winsync LDIF: ${mode === 'apply' ? 'applying' : 'dry run of'} ${only?.length === 1 ? `a record of ${label}` : label} → ${profile.name}`;

    const outcome = await window.withProgress(
      { location: ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        return runFlow(
          {
            mode,
            input,
            ...(only ? { records: only } : {}),
            profile,
            continueOnError: settings.get<boolean>('continueOnError') === true,
            ...(maxMiB && maxMiB > 0 ? { maxFileValueBytes: Math.round(maxMiB * 1024 * 1024) } : {}),
            signal: controller.signal,
            progress: (message, done) => {
              const increment = done === undefined ? undefined : Math.max(0, done * 100 - reported);
              if (increment !== undefined) reported += increment;
              progress.report({ message, ...(increment !== undefined ? { increment } : {}) });
            },
          },
          { catalog, validation, passwords: this.host.passwords, ui: editorUi, log: this.host.log },
        ).finally(() => cancel.dispose());
      },
    );

    this.report(outcome, document, version);
    return outcome;
  }

  /** Results to the user: diagnostics on the records, and a notification that does not block the command. */
  private report(outcome: FlowOutcome, document: TextDocument, version: number): void {
    const { diagnostics, log } = this.host;
    const notify = (show: typeof window.showInformationMessage, message: string) =>
      void show(`Winsync LDIF: ${message}`, SHOW_LOG).then((choice) => choice === SHOW_LOG && log.show());
    switch (outcome.kind) {
      case 'applied': {
        const shown = diagnostics.show(document, version, applyProblems(outcome.report.results));
        if (!shown)
          log.warn('The document changed during the apply: results are in this log only, not as diagnostics.');
        const { counts, stopReason } = outcome.report;
        const all = counts.applied === outcome.report.results.length;
        const seeProblems =
          counts.failed + counts.unconfirmed > 0 ? ' The records not applied are marked in the editor (Problems).' : '';
        notify(
          all
            ? window.showInformationMessage
            : stopReason === 'cancelled'
              ? window.showWarningMessage
              : window.showErrorMessage,
          `${outcome.message}.${seeProblems}`,
        );
        return;
      }
      case 'dry-run':
        diagnostics.show(document, version, dryRunProblems(outcome.report.records));
        // The plan and diff are the point of a dry run: show them.
        log.show();
        notify(
          outcome.report.counts['would-apply'] === outcome.report.records.length
            ? window.showInformationMessage
            : window.showWarningMessage,
          outcome.message,
        );
        return;
      case 'failed':
        diagnostics.clear(document);
        notify(
          outcome.explanation.kind === 'cancelled' ? window.showInformationMessage : window.showErrorMessage,
          outcome.message,
        );
        return;
      case 'refused':
        diagnostics.clear(document);
        if (outcome.reason !== 'no-password')
          notify(
            outcome.reason === 'not-confirmed'
              ? window.showInformationMessage
              : outcome.reason === 'agreement-hazard'
                ? window.showErrorMessage
                : window.showWarningMessage,
            outcome.message,
          );
        return;
    }
  }

  private async documentFor(uri: Uri | undefined): Promise<TextDocument | undefined> {
    const document = uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
    if (!document) {
      void window.showErrorMessage('Winsync LDIF: no LDIF document to apply. Open an .ldif file first.');
      return undefined;
    }
    if (document.languageId !== 'ldif') {
      void window.showErrorMessage(
        `Winsync LDIF: ${workspace.asRelativePath(document.uri, false)} is not an LDIF document. Open an .ldif file, or set its language mode to LDIF.`,
      );
      return undefined;
    }
    return document;
  }

  private async selectProfile(name?: string): Promise<ConnectionProfile | undefined> {
    const resource = window.activeTextEditor?.document.uri;
    if (name === undefined) return this.host.profiles.pick(resource);
    const profile = this.host.profiles.read(resource).profiles.find((candidate) => candidate.name === name);
    if (!profile) {
      void window.showErrorMessage(
        `Winsync LDIF: no valid connection profile named "${name}". Fix: Add it to the winsyncLdif.profiles setting.`,
      );
      return undefined;
    }
    await this.host.profiles.setActive(profile.name);
    return profile;
  }

  /** Forgets the password of the named profile, of the only one, or of the one the user picks. */
  private async forgetPassword(name?: string): Promise<boolean> {
    const { profiles } = this.host.profiles.read(window.activeTextEditor?.document.uri);
    let profile =
      name === undefined
        ? profiles.length === 1
          ? profiles[0]
          : undefined
        : profiles.find((candidate) => candidate.name === name);
    if (!profile && name === undefined && profiles.length > 1) {
      const active = this.host.profiles.active(window.activeTextEditor?.document.uri);
      const chosen = await window.showQuickPick(
        profiles.map((candidate) => ({
          label: candidate.name,
          description: `${candidate.url} as ${candidate.bindDn}`,
          picked: candidate === active,
          profile: candidate,
        })),
        { title: 'Winsync LDIF: forget the stored password of…' },
      );
      profile = chosen?.profile;
      if (!chosen) return false;
    }
    if (!profile) {
      void window.showErrorMessage(
        name === undefined
          ? 'Winsync LDIF: there is no connection profile. Fix: Add one to the winsyncLdif.profiles setting.'
          : `Winsync LDIF: no valid connection profile named "${name}". Fix: Check the name in the winsyncLdif.profiles setting.`,
      );
      return false;
    }
    await this.host.passwords.forget(profile);
    const message = forgottenMessage(profile);
    this.host.log.info(message);
    void window.showInformationMessage(`Winsync LDIF: ${message}`);
    return true;
  }
}

/** The modal questions and the masked prompt, as the flow asks them. */
const editorUi: FlowUi = {
  applyDespite: async (shown, total, label) => {
    // The first button is the one Enter presses: it must send nothing.
    const review = 'Show Problems';
    const anyway = 'Apply anyway';
    const more = total > shown.length ? `\n… and ${total - shown.length} more (see Problems).` : '';
    const choice = await window.showWarningMessage(
      `${label} has ${total} validation error${total === 1 ? '' : 's'}. Nothing has been sent. Apply anyway?`,
      { modal: true, detail: `${shown.join('\n')}${more}` },
      review,
      anyway,
    );
    if (choice === review) void commands.executeCommand('workbench.actions.view.problems');
    return choice === anyway;
  },
  confirm: async (question) => {
    const apply = 'Apply';
    const { profile, records, label, address, localFiles } = question;
    const origin = profile.origin ? `, from ${profile.origin}` : '';
    const detail = [
      `Server: ${address} (profile "${profile.name}"${origin}), bound as ${identityOf(profile)}.`,
      ...(question.because === 'profile'
        ? [`Profile "${profile.name}" is marked "confirm": every apply to it asks first.`]
        : []),
      ...(localFiles.length > 0
        ? [
            `These local files are read and their content is sent to the server:`,
            ...localFiles.map((file) => `  ${file}`),
          ]
        : []),
    ].join('\n');
    const choice = await window.showWarningMessage(
      `Apply ${records} record${records === 1 ? '' : 's'} from ${label} to ${address}?`,
      { modal: true, detail },
      apply,
    );
    return choice === apply;
  },
  askPassword: (profile): Promise<Secret | undefined> => askPassword(profile),
  warn: (message) => void window.showWarningMessage(`Winsync LDIF: ${message}`),
};
