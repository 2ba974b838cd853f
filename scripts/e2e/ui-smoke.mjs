// UI smoke test of the packaged extension: installs dist/winsync-ldif.vsix into a fresh
// code-server with --install-extension, opens a fixture in headless chromium and checks what a
// user sees: the "LDIF" language mode, a squiggle, the Problems panel entry with its code, and
// the hover over the squiggle. This proves the .vsix contents and its activation events; the
// behaviour itself is tested through the API by the in-editor suite, except what only the
// keyboard, the mouse and the screen show: ui-editor.mjs checks that in the same code-server.
// The screenshots of every step go to .test-artifacts/e2e/ui-smoke/ (never over the tracked ones
// in docs/screenshots/); on failure also a screenshot of the failure, server.log and the
// extension-host logs.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  artifactsDir,
  consoleText,
  launchBrowser,
  log,
  ROOT,
  saveFailureArtifacts,
  startCodeServer,
  VSIX,
} from './lib.mjs';
import { checkFolding, checkHovers, checkTyping } from './ui-editor.mjs';

const FIXTURE = 'invalid-enum.ldif';
const CODE = 'winsync/invalid-enum';
const MESSAGE = 'Invalid value "sometimes" for ipaWinSyncAcctDisable';

/**
 * Lets asynchronous decorations arrive so screenshots are the same from run to run: the
 * breadcrumbs show the record's DN once the server has answered document symbols. Not a check:
 * bounded, and ignored when no symbol shows.
 */
async function settleForScreenshot(page) {
  await page
    .locator('.breadcrumbs-control .monaco-breadcrumb-item')
    .nth(1)
    .waitFor({ timeout: 3_000 })
    .catch(() => log('ui: no document symbol in the breadcrumbs'));
}

/**
 * Waits (at most 5 s) until the text of `locator` stops changing: a hover fills in part by part,
 * as the diagnostic and each hover provider answer.
 */
async function settledText(locator) {
  let last;
  let same = 0;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline && same < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const text = await locator.innerText();
    same = text === last ? same + 1 : 0;
    last = text;
  }
  return last;
}

/** Returns true when every check passed. */
export async function runUiSmoke() {
  if (!existsSync(VSIX)) throw new Error(`${relative(ROOT, VSIX)} is missing: run npm run package`);
  const artifacts = artifactsDir('ui-smoke');
  const consoleLines = [];
  const shots = [];
  let server;
  let browser;
  let ok = false;
  let step = 'start';
  const check = (name) => {
    step = name;
    log(`ui: ${name}`);
  };
  try {
    server = await startCodeServer({ name: 'ui', vsix: VSIX });
    browser = await launchBrowser();
    const { page } = browser;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));

    check('workbench shows the fixture workspace');
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();

    check(`Quick Open ${FIXTURE}`);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(FIXTURE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FIXTURE }).first().waitFor();
    await page.keyboard.press('Enter');

    check('status bar language mode is "LDIF"');
    const mode = page.locator('#status\\.editor\\.mode');
    await mode.filter({ hasText: /^LDIF$/ }).waitFor();

    check('the language server draws an error squiggle');
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor();

    check(`the Problems panel lists ${CODE}`);
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE });
    await problem.first().waitFor();
    const row = await problem.first().innerText();
    if (!row.includes(CODE)) throw new Error(`the Problems entry lacks the code ${CODE}: ${JSON.stringify(row)}`);
    await settleForScreenshot(page);
    shots.push(['problems.png', await page.screenshot()]);

    check('hovering the squiggle shows the message');
    // The squiggle lies under the text layer, so move the mouse to it rather than "hover" the element.
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('the squiggle has no bounding box');
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: MESSAGE }).first();
    await hover.waitFor({ state: 'visible' });
    await settledText(hover);
    shots.push(['hover.png', await page.screenshot()]);
    await page.mouse.move(5, 790);
    await page.keyboard.press('Escape');

    await checkTyping(page, server, check, shots);
    await checkHovers(page, check, shots);
    await checkFolding(page, check, shots);

    ok = true;
    log('ui: PASS');
  } catch (error) {
    log(`ui smoke failed at "${step}": ${error.message}`);
    await saveFailureArtifacts(artifacts, server, browser?.page).catch((e) => log(String(e)));
  } finally {
    writeFileSync(join(artifacts, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
    await browser?.close();
    await server?.stop();
  }
  for (const [name, png] of shots) writeFileSync(join(artifacts, name), png);
  log(`screenshots in ${relative(ROOT, artifacts)}/: ${shots.map(([name]) => name).join(', ')}`);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await runUiSmoke()) ? 0 : 1);
