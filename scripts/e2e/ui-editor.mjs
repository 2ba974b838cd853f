// Editing checks of the UI test, with the keyboard and the mouse in the real workbench: what the
// in-editor suite cannot reach through the API (which key accepts a suggestion, what the
// suggestion list shows, how high a hover is, what a fold hides). runUiSmoke runs them in its
// code-server after the smoke checks; each takes a screenshot for .test-artifacts/e2e/ui-smoke/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Polls `probe` (at most `ms`) until it returns a truthy value; throws with `what` otherwise. */
async function until(what, probe, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a workspace file with Quick Open, pressing Enter only once the file is the selected row. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  const focused = page.locator('.quick-input-list .monaco-list-row.focused .label-name');
  await until(`Quick Open to select ${name}`, async () => (await focused.allInnerTexts()).join('') === name);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

const suggest = (page) => page.locator('.editor-widget.suggest-widget.visible');

/** The labels the suggest widget shows, in its order. */
async function suggestions(page) {
  const rows = await suggest(page).locator('.monaco-list-row .label-name').allInnerTexts();
  return rows.map((row) => row.trim());
}

/** Waits until the suggest widget is open with `label` selected, so that Enter would accept it. */
async function suggestionSelected(page, label) {
  const focused = suggest(page).locator('.monaco-list-row.focused .label-name');
  await until(`the suggestion "${label}" to be selected`, async () => {
    const texts = await focused.allInnerTexts().catch(() => []);
    return texts.length === 1 && texts[0].trim() === label;
  });
}

/** Types like a person (a keystroke at a time), so the editor suggests as it would. */
const TYPING_MS = 40;
const type = (page, text) => page.keyboard.type(text, { delay: TYPING_MS });

/**
 * Types `text` but its last letter, waits until the list has `word` selected, then types the last
 * letter and Enter at typing speed: the moment the issue is about, the list open on the word.
 */
async function finishWordThenEnter(page, text, word) {
  await type(page, text.slice(0, -1));
  await suggestionSelected(page, word);
  const started = Date.now();
  await type(page, text.slice(-1));
  await page.waitForTimeout(TYPING_MS);
  closing.push(
    (await suggest(page).isVisible()) ? `${word}: open after ${Date.now() - started} ms` : `${word}: closed`,
  );
  await page.keyboard.press('Enter');
}
const closing = [];

/**
 * Issue 15.1: once the value typed matches a suggestion, Enter starts a new line, whether the
 * value was typed whole or the name before it was chosen from the list (which suggests again).
 * Issue 15.2: after `ipaWinSyncAcctDisable: ` the list holds the four values and no record
 * snippet; where a record starts it holds dn and the record snippets.
 */
export async function checkTyping(page, server, check, shots) {
  check('typing a record: Enter after a complete value starts a new line');
  await quickOpen(page, 'empty.ldif');
  await type(page, 'dn: cn=ipa-winsync,cn=plugins,cn=config');
  await page.keyboard.press('Enter');
  // changetype chosen from the list: the editor suggests the values again, as if typed.
  await type(page, 'changet');
  await suggestionSelected(page, 'changetype');
  await page.keyboard.press('Enter');
  await finishWordThenEnter(page, 'modify', 'modify');
  await type(page, 'repl');
  await suggestionSelected(page, 'replace');
  await page.keyboard.press('Enter');
  await finishWordThenEnter(page, 'ipaWinSyncAcctDisable', 'ipaWinSyncAcctDisable');

  check('value completion (Ctrl+Space) lists the four values and no record snippet');
  await type(page, 'ipaWinSyncAcctDisable: ');
  await suggestionSelected(page, 'none');
  // Asked for explicitly, the editor adds every snippet whose file it knows: the case.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Space');
  await suggestionSelected(page, 'none');
  const values = await suggestions(page);
  shots.push(['value-completion.png', await page.screenshot()]);
  if (JSON.stringify(values) !== JSON.stringify(['none', 'to_ad', 'to_ds', 'both']))
    throw new Error(`the value list shows ${JSON.stringify(values)}`);
  // A list opened with Ctrl+Space takes Enter for its selected item, as everywhere in the editor:
  // close it and type the space again, which opens the list as typing does.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await finishWordThenEnter(page, ' to_ad', 'to_ad');
  await type(page, '-');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  check('a record typed whole: Enter after "changetype: modify" and "replace: <name>" starts a new line');
  await type(page, 'dn: cn=ipa-winsync,cn=plugins,cn=config');
  await page.keyboard.press('Enter');
  for (const [line, last] of [
    ['changetype: modify', 'modify'],
    ['replace: ipaWinSyncForceSync', 'ipaWinSyncForceSync'],
    ['ipaWinSyncForceSync: true', 'true'],
  ]) {
    await finishWordThenEnter(page, line, last);
  }
  await type(page, '-');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  check('where a record starts the list holds dn and the record snippets');
  await page.keyboard.press('Control+Space');
  await suggestionSelected(page, 'dn');
  const starts = await suggestions(page);
  shots.push(['record-start-completion.png', await page.screenshot()]);
  if (starts.length < 2 || !starts.slice(1).every((label) => label.startsWith('winsync-')))
    throw new Error(`at a record start the list shows ${JSON.stringify(starts)}`);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+S');
  const expected = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: to_ad',
    '-',
    '',
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
    '',
    '',
  ].join('\n');
  const file = join(server.workspace, 'empty.ldif');
  // On a busy machine a read right after Ctrl+S can see an earlier save: wait for the whole text.
  await until('the whole typed text to be saved', () => readFileSync(file, 'utf8') === expected, 10_000).catch(
    () => undefined,
  );
  const written = readFileSync(file, 'utf8');
  if (written !== expected) throw new Error(`the typed file reads ${JSON.stringify(written)}`);
}

/**
 * Rests the mouse on `target` until a hover holding `expected` shows (the language server may
 * still be starting), then returns the height the hover's content needs and the height it has:
 * more needed means a scroll bar.
 */
async function hoverFit(page, target, expected) {
  // The lenses above the first record move every line down when they arrive: wait for them.
  await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Apply' }).first().waitFor();
  const content = page.locator('.monaco-hover:visible .monaco-hover-content', { hasText: expected }).first();
  await until(
    `a hover with "${expected}"`,
    async () => {
      await page.mouse.move(5, 890);
      const box = await target.boundingBox();
      await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2);
      return content.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      );
    },
    30_000,
  );
  // The hover fills in as providers answer: measure once the text stops changing.
  let last;
  await until('the hover to settle', async () => {
    const text = await content.innerText();
    const same = text === last;
    last = text;
    return same && text.length > 0;
  });
  return content.evaluate((node) => ({ needed: node.scrollHeight, shown: node.clientHeight }));
}

/**
 * Issue 15.5: at 1440x900 the hover of ipaWinSyncAcctDisable needs no scrolling, and the hover
 * of its bad value (the diagnostic above our part) needs none either.
 */
export async function checkHovers(page, check, shots) {
  await page.setViewportSize({ width: 1440, height: 900 });
  check('at 1440x900 the ipaWinSyncAcctDisable hover fits without scrolling');
  await quickOpen(page, 'plugin-modify.ldif');
  const name = page.locator('.monaco-editor .view-line', { hasText: 'ipaWinSyncAcctDisable: to_ad' }).first();
  const attribute = await hoverFit(page, name, 'ipaWinSyncAcctDisable');
  shots.push(['hover-attribute-1440x900.png', await page.screenshot()]);
  if (attribute.needed > attribute.shown)
    throw new Error(`the hover needs ${attribute.needed} px and shows ${attribute.shown}: it scrolls`);
  await page.mouse.move(5, 890);
  await page.keyboard.press('Escape');

  check('at 1440x900 the hover of a bad value fits without scrolling');
  await quickOpen(page, 'invalid-enum.ldif');
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor();
  const bad = await hoverFit(page, squiggle, 'Invalid value "sometimes"');
  shots.push(['hover-bad-value-1440x900.png', await page.screenshot()]);
  if (bad.needed > bad.shown) throw new Error(`the hover needs ${bad.needed} px and shows ${bad.shown}: it scrolls`);
  await page.mouse.move(5, 890);
  await page.keyboard.press('Escape');
}

/** Issue 15.4: folding a record with comments above it keeps its dn: line and its lenses in view. */
export async function checkFolding(page, check, shots) {
  check('folding a record with comments above keeps the dn: line and its Apply lens');
  await quickOpen(page, 'commented-record.ldif');
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'Apply' }).first();
  await lens.waitFor();
  const line = (text) => page.locator('.monaco-editor .view-line', { hasText: text });
  // Go to the dn: line and fold there, as Ctrl+Shift+[ does.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await until('the record to fold', async () => {
    await page.keyboard.press('Control+Shift+BracketLeft');
    return (await line('changetype: modify').count()) === 0;
  });
  shots.push(['folded-record.png', await page.screenshot()]);
  for (const text of ['# Account lock sync', '# ldapmodify', 'dn: cn=ipa-winsync,cn=plugins,cn=config'])
    if ((await line(text).count()) !== 1) throw new Error(`"${text}" is not shown once the record is folded`);
  if (!(await lens.isVisible())) throw new Error('the Apply lens is hidden once the record is folded');
  await page.keyboard.press('Control+Shift+BracketRight');
}
