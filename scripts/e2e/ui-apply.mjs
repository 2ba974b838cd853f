// What a user sees of applying, in a real VS Code (code-server 4.100.3 with the packaged .vsix,
// driven through headless chromium), against the real 389-DS of scripts/ds389.sh:
// - Restricted Mode: validation works (squiggle, Problems), while applying is not offered (no
//   CodeLens, no apply command in the palette);
// - a file with validation errors: the modal shows the count and the first five, and the button
//   Enter presses is not "Apply anyway": pressing Enter sends nothing;
// - the confirmation names the server address, where the profile came from (workspace settings)
//   and the local files a record would send; Escape sends nothing.
// Screenshots of each step go to .test-artifacts/e2e/ui-apply/ (never to docs/).
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'ldapts';
import {
  artifactsDir,
  consoleText,
  launchBrowser,
  log,
  saveFailureArtifacts,
  startCodeServer,
  startDirectoryServer,
  VSIX,
} from './lib.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function openWorkspace(page, server) {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
}

async function quickOpen(page, file) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: file }).waitFor();
}

/** The titles the command palette lists for `text`. */
async function paletteEntries(page, text) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  await sleep(800);
  const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  return rows;
}

async function runCommand(page, title) {
  const rows = await paletteEntries(page, title);
  expect(
    rows.some((row) => row.includes(title)),
    `the command palette offers "${title}": ${JSON.stringify(rows)}`,
  );
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The open modal: its text, its buttons in screen order, and the one that has the focus (Enter presses it). */
async function modal(page) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  await sleep(300);
  return {
    text: await dialog.locator('.dialog-message-row').innerText(),
    buttons: await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts(),
    focused: await page.locator(':focus').innerText(),
  };
}

async function exists(ldap, dn) {
  try {
    const { searchEntries } = await ldap.search(dn, { scope: 'base', attributes: ['1.1'] });
    return searchEntries.length > 0;
  } catch (error) {
    if (error.code === 32) return false;
    throw error;
  }
}

/** Returns true when every check passed. */
export async function runUiApply() {
  const artifacts = artifactsDir('ui-apply');
  const consoleLines = [];
  const shot = async (page, name) => page.screenshot({ path: join(artifacts, name) });
  let step = 'start';
  const check = (name) => {
    step = name;
    log(`ui-apply: ${name}`);
  };
  let server;
  let browser;
  let directory;
  let ldap;
  let ok = false;
  try {
    // Restricted Mode: workspace trust on, the folder not trusted.
    server = await startCodeServer({ name: 'restricted', vsix: VSIX, restricted: true });
    browser = await launchBrowser();
    let { page } = browser;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));
    check('Restricted Mode: the workbench says so');
    await openWorkspace(page, server);
    await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor();
    check('Restricted Mode: validation draws a squiggle and lists the problem with its code');
    await quickOpen(page, 'invalid-enum.ldif');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'winsync/invalid-enum' }).first().waitFor();
    check('Restricted Mode: no record offers "Apply", and the palette has no apply command');
    // The lenses would come with the symbols the breadcrumbs show: give them the same time.
    await page.locator('.breadcrumbs-control .monaco-breadcrumb-item').nth(1).waitFor();
    await sleep(1500);
    expect((await page.locator('.monaco-editor .codelens-decoration').count()) === 0, 'no CodeLens in Restricted Mode');
    await shot(page, 'restricted-mode.png');
    const entries = await paletteEntries(page, 'Winsync LDIF');
    expect(
      !entries.some((entry) => /Apply|Dry Run/.test(entry)),
      `no apply command in Restricted Mode: ${JSON.stringify(entries)}`,
    );
    await page.keyboard.press('Escape');
    await browser.close();
    await server.stop();

    // Trusted, with a profile from the workspace settings that points at the real 389-DS.
    directory = await startDirectoryServer();
    const { env } = directory;
    ldap = new Client({ url: env.LDAP_TEST_URL, timeout: 10_000, connectTimeout: 5_000 });
    await ldap.bind(env.LDAP_TEST_BIND_DN, readFileSync(env.LDAP_TEST_PASSWORD_FILE, 'utf8'));
    const run = randomBytes(4).toString('hex');
    const dn = `uid=ui-${run},ou=People,${env.LDAP_TEST_SUFFIX}`;
    const add = `dn: ${dn}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ui-${run}\ncn: UI ${run}\nsn: ${run}\n`;
    server = await startCodeServer({
      name: 'trusted',
      vsix: VSIX,
      workspaceSettings: {
        'winsyncLdif.profiles': [{ name: 'ui-389', url: env.LDAP_TEST_URL, bindDn: env.LDAP_TEST_BIND_DN }],
      },
    });
    const broken = Array.from({ length: 7 }, (_, i) => `dn: ${dn}\nchangetype: modif${i}\n`).join('\n');
    writeFileSync(join(server.workspace, 'errors.ldif'), `${add}\n${broken}`);
    const note = join(server.workspace, 'note.txt');
    writeFileSync(note, `a note ${run}\n`);
    writeFileSync(join(server.workspace, 'local-file.ldif'), `${add}description:< file://${note}\n`);
    browser = await launchBrowser();
    page = browser.page;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));
    await openWorkspace(page, server);

    check('validation errors: the modal shows the count and the first five; Enter does not apply');
    await quickOpen(page, 'errors.ldif');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await runCommand(page, 'Winsync LDIF: Apply File to Server');
    const errors = await modal(page);
    await shot(page, 'validation-errors-modal.png');
    expect(
      /^errors\.ldif has 7 validation errors\. Nothing has been sent\. Apply anyway\?\n/.test(errors.text),
      errors.text,
    );
    expect(
      (errors.text.match(/^errors\.ldif:\d+:\d+: error ldif\/unknown-changetype/gm) ?? []).length === 5,
      errors.text,
    );
    expect(/\n… and 2 more \(see Problems\)\.$/.test(errors.text), errors.text);
    expect(errors.buttons.includes('Apply anyway'), JSON.stringify(errors.buttons));
    expect(errors.focused !== 'Apply anyway', `the focused button is "${errors.focused}"`);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
    await page
      .locator('.notifications-toasts', { hasText: '7 validation errors in errors.ldif: nothing was sent' })
      .waitFor();
    await shot(page, 'validation-errors-after-enter.png');
    expect(!(await exists(ldap, dn)), 'Enter sent nothing');

    check('the confirmation names the server, the profile and where it came from, and the local file');
    await quickOpen(page, 'local-file.ldif');
    await runCommand(page, 'Winsync LDIF: Apply File to Server');
    const confirm = await modal(page);
    await shot(page, 'confirmation-modal.png');
    const address = new URL(env.LDAP_TEST_URL).host;
    expect(confirm.text.startsWith(`Apply 1 record from local-file.ldif to ${address}?\n`), confirm.text);
    expect(
      confirm.text.includes(
        `Server: ${address} (profile "ui-389", from workspace settings), bound as ${env.LDAP_TEST_BIND_DN}.`,
      ),
      confirm.text,
    );
    expect(
      /These local files are read and their content is sent to the server:\n\s*(\S+) \(\d+ bytes\)$/.exec(
        confirm.text,
      )?.[1] === note,
      confirm.text,
    );
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
    await page.locator('.notifications-toasts', { hasText: 'Not confirmed: nothing was sent' }).waitFor();
    expect(!(await exists(ldap, dn)), 'Escape sent nothing');

    ok = true;
    log('ui-apply: PASS');
  } catch (error) {
    log(`ui-apply failed at "${step}": ${error.message}`);
    await saveFailureArtifacts(artifacts, server, browser?.page).catch((e) => log(String(e)));
  } finally {
    writeFileSync(join(artifacts, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
    await ldap?.unbind().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await directory?.stop();
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await runUiApply()) ? 0 : 1);
