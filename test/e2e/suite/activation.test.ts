import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, waitFor, withFixture } from './helpers';

/** The argument lists and environments of this extension host's language servers (`--clientProcessId` is ours). */
function languageServers(): { argv: string[]; environment: string[] }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (!argv.some((argument) => argument.endsWith('serverLauncher.js'))) return [];
        if (!argv.includes(`--clientProcessId=${process.pid}`)) return [];
        return [{ argv, environment: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') }];
      } catch {
        return []; // gone meanwhile, or not ours to read
      }
    });
}

suite('Activation', () => {
  test('a .ldif file opens in the LDIF language and activates the extension', async () => {
    await withFixture('valid.ldif', async (editor) => {
      assert.equal(editor.document.languageId, 'ldif');
      const extension = await activeExtension();
      assert.equal(extension.id, EXTENSION_ID);
    });
  });

  test('the language server runs from its launcher, keeps a code cache in global storage, and runs without NODE_EXTRA_CA_CERTS', async () => {
    await withFixture('valid.ldif', async () => {
      const [server, ...others] = await waitFor('the language server process', () => {
        const found = languageServers();
        return found.length > 0 && found;
      });
      assert.equal(others.length, 0, 'one language server');
      const folder = server.argv
        .find((argument) => argument.startsWith('--code-cache='))
        ?.slice('--code-cache='.length);
      assert.ok(
        folder !== undefined && folder.includes(`globalStorage/${EXTENSION_ID}/code-cache`),
        `code cache folder: ${folder}`,
      );
      assert.equal(statSync(folder).mode & 0o777, 0o700);
      // The server writes its cache 3 s after starting (or as it exits) when there was none.
      const cache = await waitFor('the code cache file', () =>
        readdirSync(folder).find((name) => /^server-[0-9a-f]{32}\.v8cache$/.test(name)),
      );
      assert.equal(statSync(`${folder}/${cache}`).mode & 0o777, 0o600);
      // The runner (scripts/e2e/lib.mjs) starts the editor with the variable; the client leaves it out.
      assert.ok(process.env.NODE_EXTRA_CA_CERTS, 'the extension host has NODE_EXTRA_CA_CERTS');
      assert.ok(!server.environment.some((entry) => entry.startsWith('NODE_EXTRA_CA_CERTS=')));
    });
  });

  test('the extension contributes the ldif language with its aliases', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('ldif'));
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.languages;
    assert.deepEqual(contributed.find((language: { id: string }) => language.id === 'ldif').aliases, ['LDIF', 'ldif']);
  });
});
