/** What the node and the browser language clients share: their id, name and options. */
import type { LanguageClientOptions } from 'vscode-languageclient';

/** Also the prefix of the `winsyncLdif.trace.server` setting the client reads. */
export const CLIENT_ID = 'winsyncLdif';
export const CLIENT_NAME = 'Winsync LDIF';

export function clientOptions(): LanguageClientOptions {
  return {
    // Any scheme: files, untitled editors, and the virtual file systems of vscode.dev and github.dev.
    documentSelector: [{ language: 'ldif' }],
    synchronize: { configurationSection: 'winsyncLdif' },
  };
}
