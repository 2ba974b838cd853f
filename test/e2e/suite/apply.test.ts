/**
 * Apply from the editor to the real 389-DS that scripts/e2e/host-suite.mjs starts (its
 * LDAP_TEST_* variables reach this extension host). The password comes from the fixture's
 * password file; it enters the extension only through the masked prompt, answered here by
 * replacing vscode.window.showInputBox (the extension shares this `vscode` API object).
 * Entries are named with a per-run id, so runs against the same server never collide.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'ldapts';
import { suite, suiteSetup, suiteTeardown, setup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, Prompts, waitFor, withFixture } from './helpers';

const PROFILE = 'e2e-389';
const run = randomBytes(4).toString('hex');

interface Directory {
  readonly url: string;
  readonly bindDn: string;
  readonly password: string;
  readonly suffix: string;
}

/** What the commands resolve to (client/src/apply/flow.ts FlowOutcome), as far as these tests read it. */
interface Outcome {
  readonly kind: 'applied' | 'dry-run' | 'refused' | 'failed';
  readonly reason?: string;
  readonly message: string;
  readonly passwordFrom?: 'storage' | 'prompt';
  readonly report?: {
    readonly counts: Record<string, number>;
    readonly results?: readonly { status: string; source: { line: number }; cause?: string; fix?: string }[];
    readonly records?: readonly { verdict: string }[];
  };
}

function directory(): Directory {
  const env = process.env;
  const missing = ['LDAP_TEST_URL', 'LDAP_TEST_BIND_DN', 'LDAP_TEST_PASSWORD_FILE', 'LDAP_TEST_SUFFIX'].filter(
    (name) => !env[name],
  );
  assert.deepEqual(missing, [], 'scripts/e2e/host-suite.mjs starts 389-DS and passes its LDAP_TEST_* variables');
  return {
    url: env.LDAP_TEST_URL!,
    bindDn: env.LDAP_TEST_BIND_DN!,
    password: readFileSync(env.LDAP_TEST_PASSWORD_FILE!, 'utf8'),
    suffix: env.LDAP_TEST_SUFFIX!,
  };
}

suite('Apply to a real 389-DS', () => {
  let server: Directory;
  let ldap: Client;
  const prompts = new Prompts();
  const people = () => `ou=People,${server.suffix}`;
  const user = () => `uid=e2e-${run},${people()}`;
  const files: string[] = [];

  /** Writes an LDIF file into the workspace, for withFixture to open. */
  async function ldifFile(name: string, text: string): Promise<string> {
    const file = `apply-${run}-${name}.ldif`;
    await vscode.workspace.fs.writeFile(fixtureUri(file), new TextEncoder().encode(text));
    files.push(file);
    return file;
  }

  const modify = (value: string, dn = user()) =>
    `dn: ${dn}\nchangetype: modify\nreplace: description\ndescription: ${value}\n-\n`;

  async function command(id: string, ...args: unknown[]): Promise<Outcome> {
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>(id, ...args);
    assert.ok(outcome, `${id} ran`);
    return outcome;
  }

  async function description(dn = user()): Promise<string[]> {
    const { searchEntries } = await ldap.search(dn, { scope: 'base', attributes: ['description'] });
    const value = searchEntries[0]?.description;
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  }

  async function profiles(extra: Record<string, unknown> = {}): Promise<void> {
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update(
        'profiles',
        [{ name: PROFILE, url: server.url, bindDn: server.bindDn, ...extra }],
        vscode.ConfigurationTarget.Workspace,
      );
  }

  suiteSetup(async () => {
    server = directory();
    ldap = new Client({ url: server.url, timeout: 10_000, connectTimeout: 5_000 });
    await ldap.bind(server.bindDn, server.password);
    await profiles();
    // The extension activates with the first LDIF editor.
    await withFixture('valid.ldif', async () => undefined);
    assert.equal(await vscode.commands.executeCommand('winsyncLdif.forgetPassword', PROFILE), true);
    prompts.install();
  });

  setup(() => prompts.reset());

  suiteTeardown(async () => {
    prompts.uninstall();
    await ldap?.del(user()).catch(() => undefined);
    await ldap?.unbind();
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of files)
      await Promise.resolve(vscode.workspace.fs.delete(fixtureUri(file))).catch(() => undefined);
  });

  teardown(() => profiles());

  test('each record gets an "Apply" and a "Dry run" CodeLens on its dn: line', async () => {
    const file = await ldifFile('lenses', `version: 1\n\n${modify('a')}\n${modify('b')}`);
    await withFixture(file, async (editor) => {
      const lenses = await waitFor('the CodeLenses', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          editor.document.uri,
        );
        return found.length === 4 && found;
      });
      assert.deepEqual(
        lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
        [
          [2, 'Apply', 'winsyncLdif.applyRecord'],
          [2, 'Dry run', 'winsyncLdif.dryRunRecord'],
          [8, 'Apply', 'winsyncLdif.applyRecord'],
          [8, 'Dry run', 'winsyncLdif.dryRunRecord'],
        ],
      );
      assert.deepEqual(lenses[2].command?.arguments?.[1], 1, 'the lens names its record');
    });
  });

  test('Apply File to Server asks for the password once with a masked prompt, and the entry changes on the server', async () => {
    const file = await ldifFile(
      'add',
      `dn: ${user()}\nchangetype: add\nobjectClass: top\nobjectClass: inetOrgPerson\nuid: e2e-${run}\ncn: E2E ${run}\nsn: ${run}\n\n${modify(`from VS Code ${run}`)}`,
    );
    prompts.password = server.password;
    await withFixture(file, async (editor) => {
      const outcome = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(outcome.kind, 'applied', outcome.message);
      assert.equal(outcome.passwordFrom, 'prompt');
      assert.deepEqual(outcome.report?.counts, { applied: 2, failed: 0, unconfirmed: 0, 'not-attempted': 0 });
    });
    assert.equal(prompts.inputBoxes.length, 1);
    assert.equal(prompts.inputBoxes[0].password, true, 'the prompt masks what is typed');
    assert.match(
      prompts.inputBoxes[0].prompt ?? '',
      new RegExp(`${server.bindDn}.*${server.url.replace(/[./]/g, '\\$&')}`),
    );
    assert.deepEqual(await description(), [`from VS Code ${run}`]);
  });

  test('the next apply takes the password from SecretStorage without asking', async () => {
    const file = await ldifFile('again', modify(`second ${run}`));
    await withFixture(file, async (editor) => {
      const outcome = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(outcome.kind, 'applied', outcome.message);
      assert.equal(outcome.passwordFrom, 'storage');
    });
    assert.equal(prompts.inputBoxes.length, 0);
    assert.deepEqual(await description(), [`second ${run}`]);
  });

  test('Dry Run logs the plan with the attribute before → after, and writes nothing', async () => {
    const file = await ldifFile('dry', modify(`dry ${run}`));
    await withFixture(file, async (editor) => {
      const outcome = await command('winsyncLdif.dryRun', editor.document.uri);
      assert.equal(outcome.kind, 'dry-run', outcome.message);
      assert.deepEqual(
        outcome.report?.records?.map((record) => record.verdict),
        ['would-apply'],
      );
    });
    assert.deepEqual(await description(), [`second ${run}`], 'nothing written');
    await waitFor('the diff in the output log', () => outputLog().includes(`description: second ${run} → dry ${run}`));
  });

  test('Apply Selection sends only the records the selection touches', async () => {
    const file = await ldifFile('selection', `${modify(`selected ${run}`)}\n${modify(`not selected ${run}`)}`);
    await withFixture(file, async (editor) => {
      editor.selection = new vscode.Selection(1, 0, 2, 3);
      const outcome = await command('winsyncLdif.applySelection');
      assert.equal(outcome.kind, 'applied', outcome.message);
      assert.equal(outcome.report?.results?.length, 1);
    });
    assert.deepEqual(await description(), [`selected ${run}`]);
  });

  test('a record the server refuses gets a diagnostic on its dn: line with the cause and the fix; an edit clears it', async () => {
    const missing = `uid=e2e-missing-${run},${people()}`;
    const file = await ldifFile('fails', `${modify(`never ${run}`)}\n${modify('x', missing)}`);
    await withFixture(file, async (editor) => {
      const outcome = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.deepEqual(
        outcome.report?.results?.map((result) => result.status),
        ['applied', 'failed'],
      );
      const diagnostic = await waitFor('the apply diagnostic', () =>
        vscode.languages
          .getDiagnostics(editor.document.uri)
          .find((candidate) => candidate.source === 'winsync-ldif apply'),
      );
      assert.equal(diagnostic.range.start.line, 6, 'the dn: line of the second record');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(
        diagnostic.message,
        new RegExp(
          `^Apply failed: 32 No such object.*${missing.replace(/[.=,]/g, '\\$&')} does not exist\\. Fix: .+\\.$`,
        ),
      );
      assert.doesNotMatch(diagnostic.message, /\n/);

      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited\n')));
      await waitFor('the apply diagnostic to clear', () =>
        vscode.languages
          .getDiagnostics(editor.document.uri)
          .every((candidate) => candidate.source !== 'winsync-ldif apply'),
      );
    });
  });

  test('validation errors send nothing unless "Apply anyway" is chosen in a modal that shows the count and the first five, with a safe first button', async () => {
    const broken = Array.from({ length: 7 }, (_, i) => `dn: ${user()}\nchangetype: modif${i}\n`).join('\n');
    const file = await ldifFile('invalid', `${modify(`blocked ${run}`)}\n${broken}`);
    await withFixture(file, async (editor) => {
      const before = await description();
      const refused = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(refused.kind, 'refused');
      assert.equal(refused.reason, 'validation');
      assert.match(prompts.modals[0], /has 7 validation errors\. Nothing has been sent\. Apply anyway\?/);
      const { detail, buttons } = prompts.modalDetails[0];
      // The first button is the default one (Enter): it must send nothing.
      assert.deepEqual(buttons, ['Show Problems', 'Apply anyway']);
      const lines = detail.split('\n');
      assert.equal(lines.length, 6, detail);
      for (const line of lines.slice(0, 5))
        assert.match(line, /apply-[0-9a-f]+-invalid\.ldif:\d+:\d+: error ldif\/unknown-changetype/);
      assert.equal(lines[5], '… and 2 more (see Problems).');
      assert.deepEqual(await description(), before, 'nothing sent');

      prompts.modalAnswer = 'Apply anyway';
      const forced = await command('winsyncLdif.applyFile', editor.document.uri);
      // The broken records cannot become LDAP operations: the first fails without being sent, the run stops.
      assert.deepEqual(
        forced.report?.results?.map((result) => result.status),
        ['applied', 'failed', ...Array(6).fill('not-attempted')],
      );
    });
    assert.deepEqual(await description(), [`blocked ${run}`]);
  });

  test('a profile marked "confirm" asks first, naming the server address and where the profile came from; without a yes nothing is sent', async () => {
    await profiles({ confirm: true });
    const file = await ldifFile('confirm', modify(`confirmed ${run}`));
    const address = new URL(server.url).host;
    await withFixture(file, async (editor) => {
      const refused = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(refused.reason, 'not-confirmed');
      assert.match(prompts.modals[0], new RegExp(`^Apply 1 record from .*confirm\\.ldif to ${address}\\?$`));
      assert.match(
        prompts.modalDetails[0].detail,
        new RegExp(
          `^Server: ${address} \\(profile "${PROFILE}", from workspace settings\\), bound as cn=Directory Manager\\.\\n`,
        ),
      );
      assert.deepEqual(await description(), [`blocked ${run}`], 'nothing sent');

      prompts.modalAnswer = 'Apply';
      assert.equal((await command('winsyncLdif.applyFile', editor.document.uri)).kind, 'applied');
    });
    assert.deepEqual(await description(), [`confirmed ${run}`]);
  });

  test("a record that reads a local file asks first and lists the file with its size; a relative URL starts at the document's folder", async () => {
    const note = `apply-${run}-note.txt`;
    await vscode.workspace.fs.writeFile(fixtureUri(note), new TextEncoder().encode(`from a file ${run}`));
    files.push(note);
    const file = await ldifFile(
      'local-file',
      `dn: ${user()}\nchangetype: modify\nreplace: description\ndescription:< file://${note}\n-\n`,
    );
    await withFixture(file, async (editor) => {
      const refused = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(refused.reason, 'not-confirmed');
      const { detail } = prompts.modalDetails[0];
      assert.match(
        detail,
        /These local files are read and their content is sent to the server:\n {2}\/.+\/apply-[0-9a-f]+-note\.txt \(\d+ bytes\)$/,
      );
      assert.equal(detail.split('\n').pop()?.trim().startsWith(dirname(editor.document.uri.fsPath)), true);
      assert.deepEqual(await description(), [`confirmed ${run}`], 'nothing sent');

      prompts.modalAnswer = 'Apply';
      assert.equal((await command('winsyncLdif.applyFile', editor.document.uri)).kind, 'applied');
    });
    assert.deepEqual(await description(), [`from a file ${run}`]);
  });

  test('Forget Password: the next apply asks again', async () => {
    assert.equal(await vscode.commands.executeCommand('winsyncLdif.forgetPassword', PROFILE), true);
    prompts.password = server.password;
    const file = await ldifFile('forgotten', modify(`asked again ${run}`));
    await withFixture(file, async (editor) => {
      const outcome = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(outcome.passwordFrom, 'prompt', outcome.message);
    });
    assert.equal(prompts.inputBoxes.length, 1);
    assert.deepEqual(await description(), [`asked again ${run}`]);
  });

  test('a wrong password is refused with a one-line cause and fix, and not kept', async () => {
    await vscode.commands.executeCommand('winsyncLdif.forgetPassword', PROFILE);
    prompts.password = `wrong-${run}`;
    const file = await ldifFile('wrong-password', modify(`wrong password ${run}`));
    await withFixture(file, async (editor) => {
      const refused = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(refused.kind, 'failed');
      assert.match(
        refused.message,
        /refused the bind as "cn=Directory Manager": 49 Invalid credentials.*\. Fix: Check "bindDn" of profile "e2e-389" .*enter the right password\.$/,
      );
      prompts.password = server.password;
      const applied = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(applied.passwordFrom, 'prompt', 'the refused password was not stored');
    });
    assert.equal(prompts.inputBoxes.length, 2);
    assert.deepEqual(await description(), [`wrong password ${run}`]);
  });

  test('LDAPS applies with the CA file of the profile; without it the failure gives the CA trust steps', async () => {
    const tlsUrl = process.env.LDAP_TEST_TLS_URL;
    const caFile = process.env.LDAP_TEST_CA;
    assert.ok(tlsUrl && caFile, 'LDAP_TEST_TLS_URL and LDAP_TEST_CA are set');
    prompts.password = server.password;
    const file = await ldifFile('ldaps', modify(`over TLS ${run}`));
    await withFixture(file, async (editor) => {
      await profiles({ url: tlsUrl });
      const untrusted = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(untrusted.kind, 'failed');
      assert.match(
        untrusted.message,
        /^The TLS certificate of localhost:\d+ is not signed by a trusted CA \([A-Z_]+\)\. Fix: Trust the CA .*15\.5\.1 .*set it as "caFile" in the connection profile.*15\.5\.7: certutil/,
      );
      assert.doesNotMatch(untrusted.message, /--[a-z]|\n/);

      await profiles({ url: tlsUrl, caFile });
      const applied = await command('winsyncLdif.applyFile', editor.document.uri);
      assert.equal(applied.kind, 'applied', applied.message);
    });
    assert.deepEqual(await description(), [`over TLS ${run}`]);
  });

  test('the password is in no log, setting or file the editor wrote', async () => {
    const log = outputLog();
    assert.match(
      log,
      /applied .*apply-[0-9a-f]+-add\.ldif:1 +add uid=e2e-/,
      'the output channel log holds the apply results',
    );
    // The run's whole folder: code-server's own log, user data (logs, settings, state) and the workspace.
    const scanned = filesUnder([dirname(userData())]);
    assert.ok(
      scanned.some((path) => path.endsWith('/.vscode/settings.json')),
      'the workspace settings with the profile are scanned',
    );
    assert.deepEqual(
      scanned.filter((path) => readFileSync(path).includes(server.password)),
      [],
    );
  });
});

function userData(): string {
  const dir = process.env.WINSYNC_E2E_USER_DATA;
  assert.ok(dir, 'scripts/e2e/lib.mjs passes WINSYNC_E2E_USER_DATA');
  return dir;
}

/** The "Winsync LDIF" output channel as code-server writes it: logs/SESSION/exthostN/EXTENSION-ID/Winsync LDIF.log. */
function outputLog(): string {
  const logs = filesUnder([join(userData(), 'logs')]).filter((path) =>
    path.endsWith('/winsync-ldif.winsync-ldif/Winsync LDIF.log'),
  );
  return logs.map((path) => readFileSync(path, 'utf8')).join('\n');
}

function filesUnder(roots: readonly string[]): string[] {
  return roots.flatMap((root) =>
    readdirSync(root).flatMap((name) => {
      const path = join(root, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) return [];
      return info.isDirectory() ? filesUnder([path]) : info.isFile() ? [path] : [];
    }),
  );
}
