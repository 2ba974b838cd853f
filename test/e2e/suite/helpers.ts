/**
 * What the in-editor tests share: the fixture workspace, bounded waits and diagnostic look-ups,
 * all through the public vscode API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'winsync-ldif.winsync-ldif';

/** Long enough for a cold language server on a slow CI machine, short enough to fail fast. */
export const WAIT_MS = 15_000;

/** A file of the fixture workspace (test/e2e/fixtures/workspace, copied by the runner to a temp folder). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace as the first workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Opens a fixture in an editor, hands it to `body` once the extension is active (its language
 * client started, so its providers are registered), then reverts and closes it, so edits made by
 * a test never reach the disk or the next test.
 */
export async function withFixture<T>(name: string, body: (editor: vscode.TextEditor) => Promise<T>): Promise<T> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(document);
  try {
    await activeExtension();
    return await body(editor);
  } finally {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension, once active (activation is asynchronous: it starts the language client). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive && extension);
}

/** A diagnostic's code as a string; the server may send it plain or with a documentation link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits for the language server to publish a diagnostic with `code` for `uri`. */
export function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic on ${uri.path}`, () =>
    vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === code),
  );
}

/** Waits until `uri` has no diagnostics from this extension. */
export function noDiagnostics(uri: vscode.Uri): Promise<true> {
  return waitFor(`no diagnostics on ${uri.path}`, () =>
    vscode.languages.getDiagnostics(uri).every((diagnostic) => diagnostic.source !== 'winsync-ldif'),
  );
}

/** Replaces the text in `range` as a user edit would. */
export async function replace(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  assert.ok(await editor.edit((edit) => edit.replace(range, text)), 'the edit applies');
}

type WindowApi = typeof vscode.window;

/**
 * Answers the extension's prompts: the masked password box and the modal questions. Each call
 * is recorded; a modal nobody expected fails the test instead of hanging the editor.
 */
export class Prompts {
  readonly inputBoxes: vscode.InputBoxOptions[] = [];
  readonly modals: string[] = [];
  /** The detail text and the buttons of each modal, in the order given (the first is the one Enter presses). */
  readonly modalDetails: { detail: string; buttons: string[] }[] = [];
  password: string | undefined;
  modalAnswer: string | undefined;
  private readonly originals: Partial<WindowApi> = {};

  install(): void {
    const window = vscode.window as { -readonly [K in keyof WindowApi]: WindowApi[K] };
    this.originals.showInputBox = window.showInputBox;
    this.originals.showWarningMessage = window.showWarningMessage;
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      this.inputBoxes.push(options ?? {});
      return this.password;
    }) as WindowApi['showInputBox'];
    const warning = this.originals.showWarningMessage!;
    window.showWarningMessage = ((message: string, ...rest: unknown[]) => {
      const options = rest[0];
      if (typeof options === 'object' && options !== null && (options as vscode.MessageOptions).modal) {
        this.modals.push(message);
        this.modalDetails.push({
          detail: (options as vscode.MessageOptions).detail ?? '',
          buttons: rest.slice(1).map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title)),
        });
        return Promise.resolve(this.modalAnswer);
      }
      return (warning as (...args: unknown[]) => Thenable<unknown>)(message, ...rest);
    }) as WindowApi['showWarningMessage'];
  }

  reset(): void {
    this.inputBoxes.length = 0;
    this.modals.length = 0;
    this.modalDetails.length = 0;
    this.password = undefined;
    this.modalAnswer = undefined;
  }

  uninstall(): void {
    Object.assign(vscode.window, this.originals);
  }
}
