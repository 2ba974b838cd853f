/**
 * The server schema in the editor: a connection profile that points at the real 389-DS of
 * scripts/e2e/host-suite.mjs; the extension reads the schema (no password is asked for: it
 * reads with a stored one or anonymously), hands it to the language server, and schema
 * diagnostics and hovers appear for an ordinary entry the winsync catalog knows nothing about.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticWithCode, fixtureUri, waitFor, withFixture } from './helpers';

const PROFILE = 'e2e-schema';
const run = randomBytes(4).toString('hex');
const FILE = `schema-${run}.ldif`;

/** What "Winsync LDIF: Reload Server Schema" resolves to (client/src/schema/loader.ts SchemaState), as far as read here. */
interface SchemaState {
  readonly kind: 'none' | 'live' | 'cache' | 'unavailable';
  readonly result?: { readonly attributeTypes: number; readonly objectClasses: number };
  readonly error?: string;
}

suite('Server schema from a connection profile', () => {
  const asked: vscode.InputBoxOptions[] = [];
  let showInputBox: typeof vscode.window.showInputBox;

  suiteSetup(async () => {
    const url = process.env.LDAP_TEST_URL;
    const bindDn = process.env.LDAP_TEST_BIND_DN;
    assert.ok(url && bindDn, 'scripts/e2e/host-suite.mjs starts 389-DS and passes its LDAP_TEST_* variables');
    const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
    showInputBox = window.showInputBox;
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      asked.push(options ?? {});
      return undefined;
    }) as typeof vscode.window.showInputBox;
    await vscode.workspace.fs.writeFile(
      fixtureUri(FILE),
      new TextEncoder().encode(
        `dn: cn=e2e-${run},ou=People,dc=example,dc=com\nchangetype: add\nobjectClass: top\nobjectClass: person\nsn: ${run}\nmail: e2e@example.com\n`,
      ),
    );
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update('profiles', [{ name: PROFILE, url, bindDn }], vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    (vscode.window as { showInputBox: typeof vscode.window.showInputBox }).showInputBox = showInputBox;
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    await Promise.resolve(vscode.workspace.fs.delete(fixtureUri(FILE))).catch(() => undefined);
  });

  test('the schema loads without a prompt, and a schema diagnostic and a schema hover appear', async () => {
    await withFixture(FILE, async (editor) => {
      const state = await waitFor('the live schema', async () => {
        const loaded = await vscode.commands.executeCommand<SchemaState>('winsyncLdif.reloadSchema');
        return loaded?.kind === 'live' && loaded;
      });
      assert.ok(
        (state.result?.attributeTypes ?? 0) >= 1015 && (state.result?.objectClasses ?? 0) >= 200,
        JSON.stringify(state),
      );
      assert.deepEqual(asked, [], 'no password is asked for just to read the schema');

      const diagnostic = await diagnosticWithCode(editor.document.uri, 'schema/not-allowed');
      assert.equal(diagnostic.range.start.line, 5);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /389-DS answers 65 \(Object class violation\): "attribute "mail" not allowed"/);

      const hovers = await waitFor('a schema hover on mail', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          editor.document.uri,
          new vscode.Position(5, 2),
        );
        return found.length > 0 && found;
      });
      const text = hovers
        .flatMap((hover) => hover.contents)
        .map((part) => (typeof part === 'string' ? part : part.value))
        .join('\n');
      assert.match(text, /\*\*mail\*\* — attribute type `0\.9\.2342\.19200300\.100\.1\.3`/);
      assert.match(text, /MAY in: .*inetOrgPerson/);
    });
  });

  test('without a profile the schema is dropped, and so are its diagnostics', async () => {
    await withFixture(FILE, async (editor) => {
      await vscode.workspace
        .getConfiguration('winsyncLdif')
        .update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
      const state = await vscode.commands.executeCommand<SchemaState>('winsyncLdif.reloadSchema');
      assert.equal(state?.kind, 'none');
      await waitFor(
        'the schema diagnostics to go',
        () =>
          !vscode.languages
            .getDiagnostics(editor.document.uri)
            .some((diagnostic) => String(diagnostic.code).startsWith('schema/')),
      );
    });
  });
});
