// `npm run demo -- --ad`: the demo behind the winsync lab (scripts/lab.sh: a Samba AD DC and a
// 389-DS with a Windows sync agreement), so users sync while one edits. This module starts the lab
// for the demo, writes its profile and two LDIF files into the demo's copy of the examples, prints
// what to try, and (with --check) checks in the browser what a user sees: the Sync Agreements view,
// a user synced to AD and back, and the 49 a wrong credential causes, with its fix.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'ldapts';
import { ROOT, stopOnSignal } from './e2e/lib.mjs';

export const LAB_PROFILE = 'winsync lab';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `bash scripts/lab.sh up` (installs and creates what is missing the first time, about a minute),
 * then its LAB_* values. Its stop takes the lab down unless it was up before the demo started.
 */
export function startLab({ run, log, fail }) {
  if (process.getuid?.() !== 0)
    fail(
      '--ad needs root: it installs Samba with apt-get, creates a network namespace and runs samba and ns-slapd (see scripts/lab.sh)',
    );
  const lab = (command, options = {}) =>
    spawnSync('bash', ['scripts/lab.sh', command], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, ...options });
  const wasUp = /^samba: running/m.test(lab('status').stdout ?? '');
  run(
    'winsync lab: bash scripts/lab.sh up (Samba AD DC + 389-DS; the first time installs and creates them, about a minute)',
    'bash',
    ['scripts/lab.sh', 'up'],
    {
      show: true,
    },
  );
  const env = Object.fromEntries(
    run('winsync lab: connection details', 'bash', ['scripts/lab.sh', 'env'])
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return {
    env,
    url: env.LAB_URL,
    bindDn: env.LAB_BIND_DN,
    caFile: env.LAB_CA_FILE,
    passwordFile: env.LAB_PASSWORD_FILE,
    password: readFileSync(env.LAB_PASSWORD_FILE, 'utf8'),
    agreementDn: env.LAB_AGREEMENT_DN,
    peopleDn: env.LAB_DS_SUBTREE,
    interval: Number(env.LAB_SYNC_INTERVAL),
    stop: stopOnSignal(async () => {
      if (wasUp) {
        log('winsync lab: left up (it was up before this demo started)');
        return;
      }
      log('winsync lab: npm run lab -- down');
      lab('down', { stdio: 'inherit' });
    }),
  };
}

/** The lab's connection profile, and a lively refresh of the view, in the workspace settings. */
export function labSettings(lab) {
  return {
    'winsyncLdif.profiles': [{ name: LAB_PROFILE, url: lab.url, bindDn: lab.bindDn, caFile: lab.caFile }],
    'winsyncLdif.agreements.refreshSeconds': 5,
  };
}

/**
 * Two files for the demo's workspace copy (never the repository): a new 389-DS user that winsync
 * creates in AD, and a wrong credential that breaks the agreement. The user's uid and cn are new on
 * every start, because the lab keeps its data between demos, and winsync names the AD entry after
 * the cn (CN=<cn>,CN=Users): a second user with the same cn is never created in AD, silently.
 */
export function writeLabFiles(workspace, lab) {
  const tag = randomBytes(2).toString('hex');
  const uid = `ada${tag}`;
  const dn = `uid=${uid},${lab.peopleDn}`;
  const newUser = `# A user added in 389-DS: objectClass ntUser with ntUserCreateNewAccount makes winsync create it in AD
# within seconds; AD's objectGUID comes back as ntUniqueId. Apply the first record (its "Apply"
# CodeLens), then put the cursor in the second and run "Winsync LDIF: Compare Record with Live Entry".

dn: ${dn}
changetype: add
objectClass: top
objectClass: person
objectClass: organizationalPerson
objectClass: inetOrgPerson
objectClass: ntUser
uid: ${uid}
cn: Ada Lovelace ${tag}
givenName: Ada
sn: Lovelace
mail: ${uid}@example.com
ntUserDomainId: ${uid}
ntUserCreateNewAccount: true
ntUserDeleteAccount: true

dn: ${dn}
changetype: modify
replace: telephoneNumber
telephoneNumber: +44 20 7946 0018
-
`;
  const wrongCredentials = `# The sync account's password, wrong on purpose: after "Apply File to Server" the Sync Agreements
# view shows 49 (bad sync credentials) with its fix. "npm run lab -- up" puts the right one back.

dn: ${lab.agreementDn}
changetype: modify
replace: nsDS5ReplicaCredentials
nsDS5ReplicaCredentials: not-the-AD-password
-
`;
  writeFileSync(join(workspace, 'lab-new-user.ldif'), newUser);
  writeFileSync(join(workspace, 'lab-wrong-credentials.ldif'), wrongCredentials);
  // 1-based line of the modify record's dn:
  return { uid, dn, modifyLine: newUser.split('\n').lastIndexOf(`dn: ${dn}`) + 1 };
}

export function labBanner(lab, files, workspace) {
  return [
    '',
    `  winsync lab: 389-DS ${lab.url} (profile "${LAB_PROFILE}", bind as ${lab.bindDn}, password in ${lab.passwordFile})`,
    `  syncing ${lab.peopleDn} with Samba AD (cn=Users) every ${lab.interval} s.`,
    '  Explorer → Sync Agreements: the agreement and its state; Refresh asks for the password once.',
    `  Try:  ${relative(ROOT, join(workspace, 'lab-new-user.ldif'))}: Apply the first record, then compare the second with the live entry`,
    `        npm run lab -- ad-user grace     (a user created in AD appears as uid=grace in 389-DS)`,
    `        ${relative(ROOT, join(workspace, 'lab-wrong-credentials.ldif'))}: apply it and watch the view turn to 49 with its fix`,
    '        npm run lab -- up                 (puts the agreement back to its settings)',
    `  New user in this demo: ${files.dn}`,
  ];
}

// ------------------------------------------------------------------------------------- --check

async function adClient(lab) {
  const client = new Client({
    url: lab.env.LAB_AD_URL,
    tlsOptions: { ca: [readFileSync(lab.env.LAB_AD_CA_FILE)], servername: lab.env.LAB_AD_HOST },
    timeout: 10_000,
    connectTimeout: 5_000,
  });
  await client.bind(lab.env.LAB_AD_BIND_DN, readFileSync(lab.env.LAB_AD_PASSWORD_FILE, 'utf8'));
  return client;
}

async function until(what, probe, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting until ${what}`);
    await sleep(250);
  }
}

/** Runs a command from the Command Palette, as a user would. */
async function palette(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The Sync Agreements pane of the Explorer. */
function agreementsPane(page) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Sync Agreements/i }) });
}

/** A row of the view by its text. */
function row(page, text) {
  return agreementsPane(page).locator('.monaco-list-row', { hasText: text }).first();
}

/**
 * Gives the view the Explorer's height (the folder section collapsed; Ctrl+P still opens files)
 * and a wider sidebar, so its rows are not cut off: the list only draws rows in view.
 */
async function roomForTheView(page) {
  const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: /examples/i }).first();
  if (await folders.isVisible()) await folders.click();
  const sidebar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (sidebar) {
    const x = sidebar.x + sidebar.width - 1;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 160, y, { steps: 8 });
    await page.mouse.up();
  }
}

/**
 * What a user of `npm run demo -- --ad` sees, checked in the browser: the view lists the agreement
 * with a succeeded update; a user applied from the editor reaches AD and comes back with its AD
 * GUID (the compare diff shows it); a wrong credential turns the view to 49 with its fix.
 */
export async function checkLab(page, lab, files, { step, quickOpen, shoot }) {
  step('Explorer: focus the Sync Agreements view, then Refresh (asks for the password once)');
  await palette(page, 'Focus on Sync Agreements View');
  await agreementsPane(page).waitFor();
  await roomForTheView(page);
  await palette(page, 'Winsync LDIF: Refresh Sync Agreements');
  const password = page.locator('.quick-input-widget input[type="password"]');
  await password.waitFor({ state: 'visible' });
  await page.keyboard.type(lab.password);
  await page.keyboard.press('Enter');
  const healthy = row(page, /last update succeeded/);
  await healthy.waitFor();
  step(`the view: ${(await healthy.innerText()).replace(/\s+/g, ' ')}`);

  step('lab-new-user.ldif: the "Apply" CodeLens of the add record');
  await quickOpen(page, 'lab-new-user.ldif');
  await page
    .locator('.monaco-editor .codelens-decoration a', { hasText: /^Apply$/ })
    .first()
    .click();
  const applied = page.locator('.notifications-toasts .notification-toast', { hasText: /1 applied/ }).first();
  await applied.waitFor();
  step(`notification: ${(await applied.innerText()).replace(/\s+/g, ' ')}`);

  const ad = await adClient(lab);
  try {
    const inAd = await until(`${files.uid} is created in AD by winsync`, async () => {
      const { searchEntries } = await ad.search(lab.env.LAB_AD_BASE, {
        filter: `(sAMAccountName=${files.uid})`,
        attributes: ['objectGUID'],
      });
      return searchEntries[0];
    });
    step(`winsync created ${inAd.dn} in AD`);
  } finally {
    await ad.unbind();
  }

  step('the cursor in the modify record, then "Compare Record with Live Entry"');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(String(files.modifyLine + 2));
  await page.keyboard.press('Enter');
  // The live entry shows ntUniqueId (AD's objectGUID) once winsync has written it back.
  await until('ntUniqueId is written back to 389-DS', async () => {
    const client = new Client({ url: lab.env.LAB_LDAP_URL, timeout: 10_000 });
    try {
      await client.bind(lab.bindDn, lab.password);
      const { searchEntries } = await client.search(files.dn, { scope: 'base', attributes: ['ntUniqueId'] });
      return searchEntries[0]?.ntUniqueId;
    } finally {
      await client.unbind();
    }
  });
  await palette(page, 'Winsync LDIF: Compare Record with Live Entry');
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.waitFor();
  await diff.locator('.view-line', { hasText: 'ntUniqueId:' }).first().waitFor();
  step("the diff: the live entry, with ntUniqueId from AD, beside the record's change");
  await palette(page, 'Winsync LDIF: Refresh Sync Agreements');
  await row(page, /sent/).waitFor();
  if (shoot) {
    await sleep(800);
    await shoot('demo-sync.png');
  }

  step('lab-wrong-credentials.ldif: Apply File to Server');
  await quickOpen(page, 'lab-wrong-credentials.ldif');
  await palette(page, 'Winsync LDIF: Apply File to Server');
  await page
    .locator('.notifications-toasts .notification-toast', { hasText: /1 applied/ })
    .first()
    .waitFor();
  await palette(page, 'Winsync LDIF: Refresh Sync Agreements');
  const failing = row(page, /49 Bad sync credentials/);
  await failing.waitFor({ timeout: 30_000 });
  const fix = row(page, /^Fix: Replace nsDS5ReplicaCredentials/);
  await fix.waitFor();
  step(`the view: ${(await failing.innerText()).replace(/\s+/g, ' ')}; ${(await fix.innerText()).slice(0, 80)}…`);
  if (shoot) {
    // The Fix row's whole text is in its tooltip.
    await page.keyboard.press('Escape');
    await fix.hover();
    await page
      .locator('.monaco-hover, .custom-hover, .workbench-hover', { hasText: 'nsDS5ReplicaCredentials' })
      .first()
      .waitFor({ state: 'visible' })
      .catch(() => undefined);
    await sleep(800);
    await shoot('demo-agreements.png');
  }
}

/** `lab.sh up` resets the agreement to its baseline (the right credentials) after the check. */
export function restoreLab(run) {
  run('winsync lab: put the agreement back (bash scripts/lab.sh up)', 'bash', ['scripts/lab.sh', 'up']);
}
