/**
 * The Sync Agreements view against the winsync lab that scripts/e2e/host-suite.mjs brings up
 * (scripts/lab.sh: a Samba AD DC and a 389-DS with a real Windows sync agreement; its LAB_*
 * variables reach this extension host). The refresh command resolves to what the view shows.
 * A wrong credential is applied from the editor with "Apply File to Server", as a user would.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, suiteSetup, suiteTeardown, setup, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, Prompts, waitFor, withFixture } from './helpers';

const PROFILE = 'winsync lab';

interface Lab {
  readonly url: string;
  readonly bindDn: string;
  readonly password: string;
  readonly caFile: string;
  readonly agreementDn: string;
  readonly adPassword: string;
}

/** What winsyncLdif.agreements.refresh resolves to (client/src/agreements/view.ts AgreementsSnapshot). */
interface Snapshot {
  readonly profile?: string;
  readonly message?: string;
  readonly agreements: readonly {
    readonly dn: string;
    readonly label: string;
    readonly description: string;
    readonly contextValue: string;
    readonly details: readonly { label: string; description?: string }[];
    readonly health: { enabled: boolean; lastUpdate: { code: number; message: string } | null };
  }[];
}

function labFromEnv(): Lab {
  const env = process.env;
  const names = [
    'LAB_URL',
    'LAB_BIND_DN',
    'LAB_PASSWORD_FILE',
    'LAB_CA_FILE',
    'LAB_AGREEMENT_DN',
    'LAB_AD_PASSWORD_FILE',
  ];
  assert.deepEqual(
    names.filter((name) => !env[name]),
    [],
    'scripts/e2e/host-suite.mjs brings the winsync lab up and passes its LAB_* variables',
  );
  return {
    url: env.LAB_URL!,
    bindDn: env.LAB_BIND_DN!,
    password: readFileSync(env.LAB_PASSWORD_FILE!, 'utf8'),
    caFile: env.LAB_CA_FILE!,
    agreementDn: env.LAB_AGREEMENT_DN!,
    adPassword: readFileSync(env.LAB_AD_PASSWORD_FILE!, 'utf8'),
  };
}

suite('Sync Agreements view on the winsync lab', () => {
  let lab: Lab;
  const prompts = new Prompts();
  const files: string[] = [];

  const refresh = () => vscode.commands.executeCommand<Snapshot>('winsyncLdif.agreements.refresh');

  /** Refreshes until the lab agreement's row satisfies `accept`. */
  async function agreementWhen(
    what: string,
    accept: (row: Snapshot['agreements'][number]) => boolean,
  ): Promise<Snapshot['agreements'][number]> {
    return waitFor(
      what,
      async () => {
        const snapshot = await refresh();
        const row = snapshot.agreements.find((candidate) => candidate.dn === lab.agreementDn);
        return row && accept(row) && row;
      },
      20_000,
    );
  }

  async function ldifFile(name: string, text: string): Promise<string> {
    const file = `agreements-${name}.ldif`;
    await vscode.workspace.fs.writeFile(fixtureUri(file), new TextEncoder().encode(text));
    files.push(file);
    return file;
  }

  /** "Apply File to Server" on a one-record modify of the agreement. */
  async function applyToAgreement(name: string, attribute: string, value: string): Promise<void> {
    const file = await ldifFile(
      name,
      `dn: ${lab.agreementDn}\nchangetype: modify\nreplace: ${attribute}\n${attribute}: ${value}\n-\n`,
    );
    await withFixture(file, async (editor) => {
      const outcome = await vscode.commands.executeCommand<{ kind: string; message: string }>(
        'winsyncLdif.applyFile',
        editor.document.uri,
      );
      assert.equal(outcome?.kind, 'applied', outcome?.message);
    });
  }

  suiteSetup(async () => {
    lab = labFromEnv();
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update(
        'profiles',
        [{ name: PROFILE, url: lab.url, bindDn: lab.bindDn, caFile: lab.caFile }],
        vscode.ConfigurationTarget.Workspace,
      );
    await withFixture('valid.ldif', async () => undefined);
    const selected = await vscode.commands.executeCommand<{ name: string } | undefined>(
      'winsyncLdif.selectProfile',
      PROFILE,
    );
    assert.equal(selected?.name, PROFILE);
    await vscode.commands.executeCommand('winsyncLdif.forgetPassword', PROFILE);
    prompts.install();
  });

  setup(() => {
    prompts.reset();
    prompts.password = lab.password;
  });

  suiteTeardown(async () => {
    prompts.uninstall();
    await vscode.workspace
      .getConfiguration('winsyncLdif')
      .update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of files)
      await Promise.resolve(vscode.workspace.fs.delete(fixtureUri(file))).catch(() => undefined);
  });

  test('lists the lab agreement with a succeeded incremental update, asking for the password once', async () => {
    const row = await agreementWhen('the last update reads "Incremental update succeeded"', (candidate) =>
      /Incremental update succeeded/.test(candidate.health.lastUpdate?.message ?? ''),
    );
    assert.equal(row.label, 'ad-sync');
    assert.match(row.description, /^last update succeeded · \d+ s ago$/);
    assert.equal(row.contextValue, 'agreement-enabled');
    assert.match(row.details[0].label, /^Windows sync with dc1\.ad\.example\.test:636 \(LDAPS\)$/);
    assert.ok(row.details.some((detail) => /^Last update: succeeded, /.test(detail.label)));
    assert.equal(prompts.inputBoxes.length, 1, 'asked once; later refreshes use the stored password');
    assert.equal(prompts.inputBoxes[0].password, true);
  });

  test('after a wrong nsDS5ReplicaCredentials is applied from the editor, it shows 49 with its fix; the right one clears it', async () => {
    await applyToAgreement('wrong-credentials', 'nsDS5ReplicaCredentials', 'not-the-AD-password');
    const failing = await agreementWhen('the view shows 49', (candidate) => candidate.health.lastUpdate?.code === 49);
    assert.match(failing.description, /^49 Bad sync credentials · /);
    assert.equal(failing.contextValue, 'agreement-enabled-failing');
    assert.ok(failing.details.some((detail) => /^Last update: failed: Bad sync credentials \(49\)/.test(detail.label)));
    assert.ok(
      failing.details.some((detail) =>
        /^Cause: Active Directory refused the bind of the sync account/.test(detail.label),
      ),
    );
    assert.ok(
      failing.details.some((detail) =>
        /^Fix: Replace nsDS5ReplicaCredentials with the account's current AD password/.test(detail.label),
      ),
    );

    await applyToAgreement('right-credentials', 'nsDS5ReplicaCredentials', lab.adPassword);
    await agreementWhen(
      'the view shows success again',
      (candidate) => candidate.health.lastUpdate?.code === 0 && !candidate.contextValue.endsWith('-failing'),
    );
  });

  test('open as LDIF: the agreement in an LDIF editor, credentials withheld', async () => {
    const opened = await vscode.commands.executeCommand<{ uri: string; text: string }>(
      'winsyncLdif.agreements.openLdif',
    );
    assert.ok(opened, 'opened');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'ldif');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), opened.text);
    assert.match(opened.text, new RegExp(`^dn: ${lab.agreementDn.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`, 'm'));
    assert.match(opened.text, /^# nsDS5ReplicaCredentials: \[withheld\]/m);
    assert.ok(!opened.text.includes(lab.adPassword) && !opened.text.includes('{AES-'), 'no credential');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('compare: the record under the cursor beside the live entry, in a diff editor', async () => {
    const file = await ldifFile(
      'compare',
      `dn: ${lab.agreementDn}\nchangetype: modify\nreplace: winSyncInterval\nwinSyncInterval: 7\n-\n`,
    );
    await withFixture(file, async (editor) => {
      const comparison = await vscode.commands.executeCommand<{ live: string; after: string; problems: string[] }>(
        'winsyncLdif.agreements.compare',
        editor.document.uri,
        0,
      );
      assert.ok(comparison);
      assert.match(comparison.live, /^winSyncInterval: 2$/m);
      assert.match(comparison.after, /^winSyncInterval: 7$/m);
      assert.deepEqual(comparison.problems, []);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  test('send updates now, disable and enable change the agreement, each with the view refreshed', async () => {
    const sent = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'winsyncLdif.agreements.sendUpdatesNow',
    );
    assert.equal(sent?.ok, true, sent?.message);
    const disabled = await vscode.commands.executeCommand<{ ok: boolean; agreement?: { enabled: boolean } }>(
      'winsyncLdif.agreements.disable',
    );
    assert.equal(disabled?.ok, true);
    assert.equal(disabled?.agreement?.enabled, false);
    const row = await agreementWhen(
      'the view shows it disabled',
      (candidate) => candidate.contextValue === 'agreement-disabled',
    );
    assert.equal(row.description, 'disabled');
    const enabled = await vscode.commands.executeCommand<{ ok: boolean; agreement?: { enabled: boolean } }>(
      'winsyncLdif.agreements.enable',
    );
    assert.equal(enabled?.agreement?.enabled, true);
  });

  test('full re-initialisation asks first, then runs the total update to its end', async () => {
    prompts.modalAnswer = undefined;
    const declined = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'winsyncLdif.agreements.reinitialise',
    );
    assert.deepEqual(declined, { ok: false, message: 'Not started.' });
    assert.match(prompts.modals[0], /^Re-initialise "ad-sync" \(dc1\.ad\.example\.test:636\) with a total update\?$/);

    prompts.modalAnswer = 'Start Total Update';
    const done = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'winsyncLdif.agreements.reinitialise',
    );
    assert.equal(done?.ok, true, done?.message);
    assert.match(done?.message ?? '', /^Total update of "ad-sync" finished: Error \(0\) Total update succeeded/);
  });
});
