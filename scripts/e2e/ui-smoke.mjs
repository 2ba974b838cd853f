// UI smoke test of the packaged extension: installs dist/winsync-ldif.vsix into a fresh
// code-server with --install-extension, opens fixtures in headless chromium and checks what a
// user sees: the "LDIF" language mode, a squiggle, the Problems panel entry with its code, the
// hover over the squiggle, Dry Run and Apply as editor title buttons, a good file whose kinds of
// tokens each have their own colour in Light+ and in Dark+, the Connection Profiles welcome view
// and the walkthrough; and that the installed README's images point into the repository. This
// proves the .vsix contents and its contributions; the behaviour itself is tested through the API
// by the in-editor suite, except what only the keyboard, the mouse and the screen show:
// ui-editor.mjs checks that in the same code-server.
// The screenshots of every step go to .test-artifacts/e2e/ui-smoke/; on failure also a screenshot
// of the failure, server.log and the extension-host logs. WINSYNC_UPDATE_SCREENSHOTS=1 also copies
// those the README shows to docs/screenshots/, and only after a passing run.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  artifactsDir,
  consoleText,
  launchBrowser,
  log,
  quickOpen,
  ROOT,
  saveFailureArtifacts,
  startCodeServer,
  tokenColours,
  useColorTheme,
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

const UPDATE_SCREENSHOTS = process.env.WINSYNC_UPDATE_SCREENSHOTS === '1';

/**
 * Where vsce points the README's images: it rewrites relative links against package.json's
 * `repository` (the package script must not pass --no-rewrite-relative-links).
 */
function readmeImagesBase() {
  const { repository } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const url = (typeof repository === 'string' ? repository : repository.url).replace(/\.git$/, '');
  return `${url}/raw/HEAD/`;
}

/** The README of the installed extension: every image an absolute URL into the repository, no relative link. */
function checkInstalledReadme(server) {
  const base = readmeImagesBase();
  const extensions = join(server.dir, 'extensions');
  const [folder] = readdirSync(extensions).filter((name) => name.startsWith('winsync-ldif.winsync-ldif-'));
  if (!folder) throw new Error(`the extension is not installed in ${extensions}`);
  // vsce stores it as readme.md.
  const readme = readFileSync(join(extensions, folder, 'readme.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  if (images.length === 0) throw new Error('the installed README shows no image');
  const wrong = images.filter((url) => !url.startsWith(base));
  if (wrong.length > 0) throw new Error(`README images that do not resolve on the extension page: ${wrong.join(', ')}`);
  // A screenshot this run takes may be new to the README when this run is to write it.
  const missing = images
    .map((url) => url.slice(base.length))
    .filter((path) => !existsSync(join(ROOT, path)) && !(UPDATE_SCREENSHOTS && path.startsWith('docs/screenshots/')));
  if (missing.length > 0) throw new Error(`README images that are not in the repository: ${missing.join(', ')}`);
  const relativeLinks = [...readme.matchAll(/\]\(((?!https:|#|mailto:)[^)\s]+)\)/g)].map((match) => match[1]);
  if (relativeLinks.length > 0) throw new Error(`relative links in the installed README: ${relativeLinks.join(', ')}`);
  // scripts/extension-readme.mjs leaves sections out: no link may point at one of them.
  const anchors = new Set(
    [...readme.matchAll(/^#{1,6} (.*)$/gm)].map((match) =>
      match[1]
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .replace(/\s/g, '-'),
    ),
  );
  const dangling = [...readme.matchAll(/\]\(#([\w-]+)\)/g)].map((match) => match[1]).filter((a) => !anchors.has(a));
  if (dangling.length > 0) throw new Error(`links to sections the installed README lacks: ${dangling.join(', ')}`);
  return images.length;
}

/**
 * The six kinds of tokens of colours.ldif with their colours in the current theme; throws unless
 * all six differ (issue 15: in Light+ attribute names and values were the same red).
 */
async function checkTokenColours(page, theme) {
  const colours = await tokenColours(page, {
    comment: ['#', '# A good file'],
    keyword: ['dn', 'dn'],
    DN: ['dn', 'jdoe'],
    'attribute name': ['mail', 'mail'],
    value: ['mail', 'jdoe@example.com'],
    base64: ['jpegPhoto', '/9j/4AAQ'],
  });
  log(
    `ui: ${theme}: ${Object.entries(colours)
      .map(([kind, colour]) => `${kind} ${colour}`)
      .join(', ')}`,
  );
  const seen = new Map();
  for (const [kind, colour] of Object.entries(colours)) {
    if (seen.has(colour)) throw new Error(`${theme}: ${kind} and ${seen.get(colour)} have the same colour ${colour}`);
    seen.set(colour, kind);
  }
}

/** The side bar, the walkthrough and the colours: what a user new to the extension meets first. */
async function checkFirstSteps(page, check, shots) {
  check('Dry Run and Apply File to Server are buttons in the editor title');
  await quickOpen(page, FIXTURE);
  for (const title of ['Dry Run', 'Apply File to Server']) {
    await page.locator(`.editor-actions .action-label[aria-label^="${title}"]`).waitFor();
  }

  check('a good file: comment, keyword, DN, attribute name, value and base64 in six colours, in Light+ and Dark+');
  await page.keyboard.press('Control+J'); // the panel away: room for the file
  await page.locator('.part.panel').waitFor({ state: 'hidden' });
  await quickOpen(page, 'colours.ldif');
  await page.locator('.monaco-editor .view-line', { hasText: 'jpegPhoto::' }).first().waitFor();
  for (const [theme, file] of [
    ['Light+', 'theme-light.png'],
    ['Dark+', 'theme-dark.png'],
  ]) {
    await useColorTheme(page, theme);
    await checkTokenColours(page, theme);
    // A steady picture: the status bar says "Activating Extensions" for a moment after a theme change.
    await page
      .locator('.statusbar', { hasText: 'Activating Extensions' })
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    shots.push([file, await page.screenshot()]);
  }

  check('the Winsync LDIF side bar: the Connection Profiles view welcomes with "Add Connection Profile"');
  await page.locator('.activitybar .action-item .action-label[aria-label^="Winsync LDIF"]').click();
  const welcome = page.locator('.welcome-view-content', { hasText: 'No connection profile yet' });
  await welcome.waitFor();
  await welcome.locator('.monaco-button', { hasText: 'Add Connection Profile' }).waitFor();
  shots.push(['profiles-welcome.png', await page.screenshot()]);

  check('the walkthrough lists its four steps');
  await welcome.locator('a', { hasText: 'Open the walkthrough' }).click();
  const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Get Started with Winsync LDIF' });
  await walkthrough.waitFor();
  for (const title of ['Open an example', 'Add a connection profile', 'Dry run', 'Apply']) {
    await walkthrough.locator('.step-title', { hasText: new RegExp(`^${title}$`) }).waitFor();
  }
  // The open step's page (walkthrough/open-example.md, shipped in the .vsix) in the media webview.
  const media = page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('iframe#active-frame');
  await media.locator('h1', { hasText: 'Open an example' }).waitFor();
  shots.push(['walkthrough.png', await page.screenshot()]);
}

/**
 * The screenshots of a passing run that the README shows, copied to docs/screenshots/
 * (WINSYNC_UPDATE_SCREENSHOTS=1); false when the README then still shows one that is missing.
 */
function updateReadmeScreenshots(shots) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const shown = shots.filter(([name]) => readme.includes(`](docs/screenshots/${name})`));
  for (const [name, png] of shown) writeFileSync(join(ROOT, 'docs/screenshots', name), png);
  log(`ui: README screenshots updated in docs/screenshots/: ${shown.map(([name]) => name).join(', ')}`);
  const missing = [...readme.matchAll(/\]\((docs\/screenshots\/[^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((path) => !existsSync(join(ROOT, path)));
  if (missing.length > 0) log(`ui: the README shows screenshots that nothing wrote: ${missing.join(', ')}`);
  return missing.length === 0;
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
    check('the installed README shows its images from the repository');
    log(`ui: ${checkInstalledReadme(server)} README images under ${readmeImagesBase()}`);
    browser = await launchBrowser();
    const { page } = browser;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));

    check('workbench shows the fixture workspace');
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();

    check(`Quick Open ${FIXTURE}`);
    await quickOpen(page, FIXTURE);

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
    await checkFirstSteps(page, check, shots);

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
  if (ok && UPDATE_SCREENSHOTS) return updateReadmeScreenshots(shots);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await runUiSmoke()) ? 0 : 1);
