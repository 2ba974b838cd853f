/**
 * "Open an Example": the examples of the repository (examples/*.ldif, put into the bundle by
 * scripts/build.mjs, as a browser cannot list the extension's folder), opened as new untitled
 * editors, so nothing is ever written over. The same on the desktop and on vscode.dev.
 */
import { commands, window, workspace, type Disposable, type QuickPickItem } from 'vscode';

/** File name → text, from scripts/build.mjs. */
declare const WINSYNC_EXAMPLES: Readonly<Record<string, string>>;

export const OPEN_EXAMPLE = 'winsyncLdif.openExample';

export function registerExamples(): Disposable {
  return commands.registerCommand(OPEN_EXAMPLE, (name?: string) => openExample(name));
}

async function openExample(name?: string): Promise<void> {
  const names = Object.keys(WINSYNC_EXAMPLES).sort(byInterest);
  let chosen = name;
  if (chosen === undefined) {
    const items: (QuickPickItem & { name: string })[] = names.map((entry) => ({
      label: entry,
      detail: firstComment(WINSYNC_EXAMPLES[entry]),
      name: entry,
    }));
    chosen = (
      await window.showQuickPick(items, {
        title: 'Winsync LDIF: open an example',
        placeHolder: 'Broken examples show squiggles; hover one for what the server does',
      })
    )?.name;
    if (chosen === undefined) return;
  }
  if (!names.includes(chosen)) {
    void window.showErrorMessage(
      `Winsync LDIF: there is no example named "${chosen}". The examples are: ${names.join(', ')}.`,
    );
    return;
  }
  const document = await workspace.openTextDocument({ language: 'ldif', content: WINSYNC_EXAMPLES[chosen] });
  await window.showTextDocument(document);
}

/** The first comment line, without "#": what the example shows. */
function firstComment(text: string): string {
  return /^#\s*(.*)$/m.exec(text)?.[1] ?? '';
}

/** Broken examples first: they are the ones that show what the extension does. */
function byInterest(a: string, b: string): number {
  return Number(a.startsWith('good-')) - Number(b.startsWith('good-')) || a.localeCompare(b);
}
