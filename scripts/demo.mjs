// `npm run demo`: the packaged extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
// on 127.0.0.1, with a copy of examples/ as the workspace. Runs until Ctrl+C, then stops what it
// started, by PID.
//
//   npm run demo [-- --server | --ad] [--port N] [--check [--screenshots]]
//
//   --server       also start a local 389-DS (scripts/ds389.sh, instance "wsldif-demo", root only)
//                  and add a connection profile to the workspace settings, so "apply" works
//   --ad           instead, the winsync lab (scripts/lab.sh: a Samba AD DC and a 389-DS with a real
//                  Windows sync agreement; root only) with its profile, so users sync while one
//                  edits; see scripts/demo-lab.mjs
//   --port N       listen on port N (default: $WINSYNC_DEMO_PORT, else a free port)
//   --check        start, open the printed URL in headless chromium, check that the extension
//                  draws its diagnostics (with --server: that the profile is active, that
//                  "Apply File to Server" applies good-agreement-modify.ldif, and that the CLI's
//                  dry run passes), stop, exit 0 or 1. Uses fresh folders of its own
//                  (~/.cache/winsync-ldif/demo-check-*, removed after a pass), so it can run
//                  beside a demo or another check.
//                  With --ad: the Sync Agreements view, a user synced to AD and back, and the 49 a
//                  wrong credential causes (scripts/demo-lab.mjs checkLab).
//   --screenshots  with --check: refresh docs/screenshots/demo-*.png, only when the whole check
//                  passes (a failed run leaves them as they were)
//
// code-server is installed on first use by scripts/e2e/install.sh into ~/.cache/winsync-ldif.
// Everything the demo keeps lives in ~/.cache/winsync-ldif/demo ($WINSYNC_DEMO_DIR overrides it):
// the user-data folder (settings, open editors) persists between runs; the examples are copied
// afresh on every start, so the repository is never modified.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLab, labBanner, labSettings, restoreLab, startLab, writeLabFiles } from './demo-lab.mjs';
import {
  CODE_SERVER_ENTRY,
  CS_VERSION,
  freePort,
  launchBrowser,
  quickOpen,
  ROOT,
  stopOnSignal,
  VSIX,
  withTimeout,
} from './e2e/lib.mjs';

const USAGE = 'usage: npm run demo [-- --server | --ad] [--port N] [--check [--screenshots]]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      server: { type: 'boolean', default: false },
      ad: { type: 'boolean', default: false },
      port: { type: 'string' },
      check: { type: 'boolean', default: false },
      screenshots: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`demo: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const requestedPort = Number(options.port ?? process.env.WINSYNC_DEMO_PORT ?? 0);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  console.error(
    `demo: --port must be a port number, not ${JSON.stringify(options.port ?? process.env.WINSYNC_DEMO_PORT)}\n${USAGE}`,
  );
  process.exit(2);
}
if (options.server && options.ad) {
  console.error(`demo: --ad brings a 389-DS of its own (the winsync lab's): give --server or --ad, not both\n${USAGE}`);
  process.exit(2);
}
if (options.screenshots && !options.check) {
  console.error(`demo: --screenshots goes with --check\n${USAGE}`);
  process.exit(2);
}

const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'winsync-ldif');
// --check gets fresh folders of its own on every run: it must not disturb (or be disturbed by) a
// demo someone is using, nor another check running at the same time, and no theme, layout or
// stored password of an earlier run may change what it sees. They are removed after a pass.
mkdirSync(CACHE, { recursive: true });
const BASE =
  process.env.WINSYNC_DEMO_DIR ?? (options.check ? mkdtempSync(join(CACHE, 'demo-check-')) : join(CACHE, 'demo'));
const USER_DATA = join(BASE, 'user-data');
const EXTENSIONS = join(BASE, 'extensions');
const WORKSPACE = join(BASE, 'examples');
const LOCK = join(BASE, 'running.json');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/** The demo's own 389-DS instance, apart from the one the integration tests use. */
const DS_ENV = {
  DS_NAME: 'wsldif-demo',
  DS_PORT: process.env.WINSYNC_DEMO_DS_PORT ?? '38997',
  DS_TLS_PORT: process.env.WINSYNC_DEMO_DS_TLS_PORT ?? '63697',
};

const USER_SETTINGS = {
  'workbench.startupEditor': 'none', // no Welcome page over the examples
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
};

const startTime = Date.now();
const log = (message) => console.log(`demo ${((Date.now() - startTime) / 1000).toFixed(1).padStart(5)}s  ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure the demo explains in one line, without a stack. */
class DemoError extends Error {}
function fail(message) {
  throw new DemoError(message);
}

/** Runs a command to completion; its output is shown only when it fails (or always, with `show`). */
function run(what, command, args, { env = {}, show = false, timeoutMs = 900_000 } = {}) {
  log(what);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: show ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  if (result.status !== 0) {
    if (!show) process.stderr.write(`${result.stdout}${result.stderr}`);
    fail(`${what} failed (${result.status ?? result.signal ?? result.error?.message})`);
  }
  return result.stdout ?? '';
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `{ ...existing user settings, ...USER_SETTINGS }`: what the user changed in earlier demos stays. */
function writeUserSettings() {
  const file = join(USER_DATA, 'User/settings.json');
  let existing = {};
  try {
    existing = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first run, or a file with comments: start over
  }
  mkdirSync(join(USER_DATA, 'User'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...existing, ...USER_SETTINGS }, null, 2)}\n`);
}

// ------------------------------------------------------------------------------------- 389-DS

/** Starts the demo's 389-DS and returns how to reach it; registers its stop for Ctrl+C. */
function startDirectoryServer() {
  if (process.getuid?.() !== 0)
    fail('--server needs root: it installs 389-ds-base with apt-get and runs ns-slapd (see scripts/ds389.sh)');
  // Already running (say, a demo in another terminal while --check runs): use it, leave it running.
  const pidFile = `/run/dirsrv/slapd-${DS_ENV.DS_NAME}.pid`;
  const runningBefore = existsSync(pidFile) && pidAlive(Number(readFileSync(pidFile, 'utf8').trim()));
  run(
    `389-DS: bash scripts/ds389.sh all (instance ${DS_ENV.DS_NAME}; the first time installs and creates it, about 30 s)`,
    'bash',
    ['scripts/ds389.sh', 'all'],
    {
      env: DS_ENV,
    },
  );
  const ds = Object.fromEntries(
    run('389-DS: connection details', 'bash', ['scripts/ds389.sh', 'env'], { env: DS_ENV })
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const pid = Number(readFileSync(ds.LDAP_TEST_PID_FILE, 'utf8').trim());
  const server = {
    pid,
    url: ds.LDAP_TEST_TLS_URL,
    caFile: ds.LDAP_TEST_CA,
    bindDn: ds.LDAP_TEST_BIND_DN,
    passwordFile: ds.LDAP_TEST_PASSWORD_FILE,
    password: readFileSync(ds.LDAP_TEST_PASSWORD_FILE, 'utf8'),
    suffix: ds.LDAP_TEST_SUFFIX,
    agreementDn: ds.LDAP_TEST_AGREEMENT_DN,
    // ds389.sh stop: SIGTERM to the PID in the instance's pid file, KILL after 30 s.
    stop: stopOnSignal(async () => {
      if (runningBefore) {
        log(`389-DS: leaving ns-slapd ${pid} running (it was running before this demo started)`);
        return;
      }
      log(`389-DS: stopping ns-slapd ${pid}`);
      spawnSync('bash', ['scripts/ds389.sh', 'stop'], {
        cwd: ROOT,
        env: { ...process.env, ...DS_ENV },
        stdio: 'inherit',
        timeout: 60_000,
      });
    }),
  };
  log(`389-DS: ns-slapd ${pid} on ${server.url}`);
  return server;
}

const PROFILE_NAME = 'demo 389-DS';

/** A connection profile for the demo server, in the workspace settings (`winsyncLdif.profiles`). */
function writeProfile(ds) {
  const profile = {
    name: PROFILE_NAME,
    url: ds.url,
    bindDn: ds.bindDn,
    caFile: ds.caFile,
    startTls: false,
    confirm: true,
  };
  mkdirSync(join(WORKSPACE, '.vscode'), { recursive: true });
  writeFileSync(
    join(WORKSPACE, '.vscode/settings.json'),
    `${JSON.stringify({ 'winsyncLdif.profiles': [profile] }, null, 2)}\n`,
  );
}

// -------------------------------------------------------------------------------- code-server

/** Starts code-server on 127.0.0.1 in its own process group; registers its stop for Ctrl+C. */
async function startCodeServer() {
  const port = requestedPort || (await freePort());
  const config = join(BASE, 'config.yaml');
  // Always pass --config: without it code-server writes ~/.config/code-server/config.yaml with password auth.
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', config, '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS];
  run(`install ${relative(ROOT, VSIX)} into VS Code ${CS_VERSION.replace(/^4\./, '1.')}`, process.execPath, [
    CODE_SERVER_ENTRY,
    ...common,
    '--install-extension',
    VSIX,
    '--force',
  ]);

  const serverLog = join(BASE, 'code-server.log');
  const out = createWriteStream(serverLog);
  // detached: its own process group, so Ctrl+C in the terminal reaches only this script, and
  // stop() can also reach the extension hosts and language servers.
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const server = {
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WORKSPACE)}`,
    exited,
    serverLog,
    /** SIGTERM to code-server, then SIGKILL to its process group if anything is left after 10 s. */
    stop: stopOnSignal(async () => {
      log(`code-server: stopping ${child.pid}`);
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const deadline = Date.now() + 10_000;
      await Promise.race([exited, sleep(10_000)]);
      while (groupAlive() && Date.now() < deadline) await sleep(100);
      if (groupAlive()) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      out.end();
      rmSync(LOCK, { force: true });
    }),
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await server.stop();
      fail(
        `code-server exited with ${child.exitCode}${requestedPort ? ` (is port ${port} taken?)` : ''}; see ${serverLog}`,
      );
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      fail(`code-server did not answer on port ${port} within 30 s; see ${serverLog}`);
    }
    await sleep(200);
  }
  log(`code-server: pid ${child.pid} on 127.0.0.1:${port}`);
  return server;
}

// -------------------------------------------------------------------------------------- check

/** Screenshots of this check, written to docs/screenshots/ only once all of it passed. */
const shots = new Map();
async function shoot(page, name) {
  shots.set(name, await page.screenshot());
}

/**
 * "Apply File to Server" on good-agreement-modify.ldif, as a user would: Command Palette, the
 * confirmation the profile asks for, the password prompt (unless the password is stored), then
 * the result notification.
 */
async function applyFromEditor(page, ds, step) {
  step('apply good-agreement-modify.ldif from the Command Palette');
  await quickOpen(page, 'good-agreement-modify.ldif');
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type('Winsync LDIF: Apply File to Server');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Apply File to Server' }).first().waitFor();
  await page.keyboard.press('Enter');
  const password = page.locator('.quick-input-widget input[type="password"]');
  const dialog = page.locator('.monaco-dialog-box');
  const result = page
    .locator('.notifications-toasts .notification-toast', { hasText: /\bapplied\b|failed|nothing was sent/i })
    .first();
  for (;;) {
    const next = await Promise.race([
      password.waitFor({ state: 'visible' }).then(() => 'password'),
      dialog.waitFor({ state: 'visible' }).then(() => 'dialog'),
      result.waitFor({ state: 'visible' }).then(() => 'result'),
    ]);
    if (next === 'result') break;
    if (next === 'dialog') {
      step(`confirmation: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 100)}…`);
      await dialog
        .locator('.monaco-button', { hasText: /^Apply/ })
        .first()
        .click();
      await dialog.waitFor({ state: 'hidden' });
    } else {
      step('password prompt: typing the demo password');
      await page.keyboard.type(ds.password);
      await page.keyboard.press('Enter');
      await password.waitFor({ state: 'hidden' });
    }
  }
  const text = (await result.innerText()).replace(/\s+/g, ' ');
  step(`notification: ${text}`);
  if (!/1 applied/.test(text)) throw new Error(`the apply did not succeed: ${text}`);
  if (options.screenshots) {
    await sleep(500);
    await shoot(page, 'demo-apply.png');
  }
}

/** Opens the demo like a user would and checks that the extension validates an example. */
async function checkInBrowser(server, ds, lab, labFiles) {
  const browser = await launchBrowser();
  const { page } = browser;
  const step = (message) => log(`check: ${message}`);
  try {
    step('the workbench shows the examples');
    // Wide enough for the documentation beside the completion list.
    if (options.screenshots) await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken-plugin.ldif' }).first().waitFor();

    step('open broken-plugin.ldif with Quick Open');
    await quickOpen(page, 'broken-plugin.ldif');
    await page.locator('#status\\.editor\\.mode', { hasText: /^LDIF$/ }).waitFor();

    step('the extension is active: its language server draws squiggles and fills the Problems panel');
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor();
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'winsync/invalid-enum' }).first();
    await problem.waitFor();
    step(`Problems panel: ${(await problem.innerText()).replace(/\s+/g, ' ').slice(0, 120)}…`);

    // With --ad the screenshots are the lab's (the view, a sync); the others come from --server.
    if (options.screenshots && !lab) {
      // The hover over the first squiggle ("sometimes"), with the Problems panel below.
      const box = await squiggle.boundingBox();
      await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
      await page
        .locator('.monaco-hover', { hasText: 'Invalid value "sometimes"' })
        .first()
        .waitFor({ state: 'visible' });
      await sleep(800); // the hover fades in and fills in part by part
      await shoot(page, 'demo-diagnostics.png');
      await page.mouse.move(5, 5);

      step('completion of an enum value in good-plugin.ldif');
      await page.keyboard.press('Control+J'); // hide the panel
      await quickOpen(page, 'good-plugin.ldif');
      await page.locator('.monaco-editor .view-line', { hasText: 'ipaWinSyncAcctDisable: both' }).first().waitFor();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('10:24'); // "ipaWinSyncAcctDisable: both", after the space
      await page.keyboard.press('Enter');
      await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 10, Col 24' }).waitFor();
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      const suggest = page.locator('.suggest-widget .monaco-list-row', { hasText: 'to_ad' }).first();
      // The first request can race the language server's answer to the edit: ask again if need be.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+Space');
        const shown = await suggest.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (attempt === 3) throw new Error('no completion list after three Ctrl+Space');
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('ArrowDown'); // "to_ad"
      const details = page.locator('.suggest-details', { hasText: 'One way' }).first();
      // Ctrl+Space toggles the documentation beside the list; the choice is remembered per profile.
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await details.waitFor({ state: 'visible' });
      // The box is laid out before its markdown renders; moving the selection lays it out again.
      await sleep(500);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await sleep(1_000);
      await shoot(page, 'demo-completion.png');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
    }
    if (ds) {
      step(`the status bar names the profile from the workspace settings, "${PROFILE_NAME}"`);
      await page.locator('.statusbar-item', { hasText: PROFILE_NAME }).first().waitFor();
      await applyFromEditor(page, ds, step);
    }
    if (lab) {
      await page.keyboard.press('Control+J'); // the panel away: room for the editor and the view
      await checkLab(page, lab, labFiles, {
        step,
        quickOpen,
        shoot: options.screenshots ? (name) => shoot(page, name) : undefined,
      });
    }
  } catch (error) {
    const shot = join(BASE, 'check-failure.png');
    await withTimeout(page.screenshot({ path: shot }), 10_000, 'a screenshot').then(
      () => log(`check: what the page showed: ${shot}`),
      () => undefined,
    );
    throw error;
  } finally {
    await browser.close();
  }
  if (ds) {
    step('a dry run of good-agreement-modify.ldif against the demo 389-DS passes');
    run('check: winsync-ldif apply --dry-run', process.execPath, [
      join(ROOT, 'dist/cli.js'),
      'apply',
      '--dry-run',
      '--url',
      ds.url,
      '--ca-file',
      ds.caFile,
      '--bind-dn',
      ds.bindDn,
      '--password-file',
      ds.passwordFile,
      join(WORKSPACE, 'good-agreement-modify.ldif'),
    ]);
  }
}

// --------------------------------------------------------------------------------------- main

function printBanner(server, ds, lab, labFiles) {
  const commands = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes?.commands ?? [];
  const applyCommand = commands.find((command) => /apply/i.test(command.command) && !/dry/i.test(command.command));
  const lines = [
    '',
    `  Winsync LDIF in VS Code ${CS_VERSION.replace(/^4\./, '1.')} (code-server ${CS_VERSION}), extension from ${relative(ROOT, VSIX)}`,
    '',
    `  Open  ${server.url}`,
    '',
    '  Try:  broken-plugin.ldif, broken-agreement.ldif: squiggles; hover one; Ctrl+Shift+M lists them all',
    '        good-plugin.ldif: delete a value after "ipaWinSyncAcctDisable: " and press Ctrl+Space',
    '        a new .ldif file: type "winsync-" for the snippets',
    `  On another machine?  ssh -L ${server.port}:127.0.0.1:${server.port} <this host>, then open the same URL`,
    `  The examples are a copy in ${WORKSPACE}; the repository is not touched.`,
  ];
  if (ds) {
    lines.push(
      '',
      `  389-DS (pid ${ds.pid}): ${ds.url}, suffix ${ds.suffix}, sync agreement ${ds.agreementDn.split(',')[0]}`,
      `  Profile "${PROFILE_NAME}" is in examples/.vscode/settings.json; bind as ${ds.bindDn}, password ${ds.password} (throw-away demo instance).`,
      applyCommand
        ? `  Apply: open good-agreement-modify.ldif, then Command Palette (Ctrl+Shift+P) → "${applyCommand.category ? `${applyCommand.category}: ` : ''}${applyCommand.title}".`
        : '  Apply from the editor: this build contributes no apply command yet; use the terminal:',
      `  From a terminal: node dist/cli.js apply --dry-run --url ${ds.url} --ca-file ${ds.caFile} \\`,
      `         --bind-dn "${ds.bindDn}" --password-file ${ds.passwordFile} ${join(WORKSPACE, 'good-agreement-modify.ldif')}`,
      '         (leave out --dry-run to apply)',
    );
  }
  if (lab) lines.push(...labBanner(lab, labFiles, WORKSPACE));
  lines.push('', '  Ctrl+C stops the demo.', '');
  console.log(lines.join('\n'));
}

// Ctrl+C: scripts/e2e/lib.mjs stops every stopOnSignal() registration, newest first, and exits.
// This listener stays after lib.mjs's one-shot one, so a second SIGINT (npm forwards Ctrl+C to
// its child, which the terminal already sent it) cannot kill the demo half-way through stopping.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) log(`${signal}: still stopping, please wait`);
    stopping = true;
  });
}

/** Everything started so far, stopped in reverse order on the way out. */
const running = [];
async function stopAll() {
  for (const thing of running.reverse()) await thing.stop().catch((error) => log(String(error)));
}

async function main() {
  if (existsSync(LOCK)) {
    const { pid, url } = JSON.parse(readFileSync(LOCK, 'utf8'));
    if (pidAlive(pid))
      fail(`a demo is already running (pid ${pid}) at ${url}; stop it first (Ctrl+C in its terminal, or kill ${pid})`);
  }

  run('npm run package (build + vsce)', 'npm', ['run', '--silent', 'package'], { timeoutMs: 180_000 });
  run('code-server: bash scripts/e2e/install.sh (the first time about a minute)', 'bash', ['scripts/e2e/install.sh'], {
    show: true,
  });

  mkdirSync(EXTENSIONS, { recursive: true });
  writeUserSettings();
  // A fresh copy on every start: examples changed in the repository show up, and the demo's edits stay in the copy.
  rmSync(WORKSPACE, { recursive: true, force: true });
  cpSync(join(ROOT, 'examples'), WORKSPACE, { recursive: true });

  const ds = options.server ? startDirectoryServer() : undefined;
  if (ds) {
    running.push(ds);
    writeProfile(ds);
  }
  const lab = options.ad ? startLab({ run, log, fail }) : undefined;
  let labFiles;
  if (lab) {
    running.push(lab);
    mkdirSync(join(WORKSPACE, '.vscode'), { recursive: true });
    writeFileSync(join(WORKSPACE, '.vscode/settings.json'), `${JSON.stringify(labSettings(lab), null, 2)}\n`);
    labFiles = writeLabFiles(WORKSPACE, lab);
  }
  const server = await startCodeServer();
  running.push(server);
  writeFileSync(LOCK, `${JSON.stringify({ pid: process.pid, url: server.url })}\n`);

  if (options.check) {
    try {
      await withTimeout(checkInBrowser(server, ds, lab, labFiles), lab ? 300_000 : 180_000, 'the demo check');
    } finally {
      if (lab) restoreLab(run);
    }
    if (shots.size > 0) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [name, png] of shots) writeFileSync(join(SCREENSHOTS, name), png);
      log(`check: screenshots in ${relative(ROOT, SCREENSHOTS)}/: ${[...shots.keys()].join(', ')}`);
    }
    log('check: PASS');
    return 0;
  }
  printBanner(server, ds, lab, labFiles);
  // Ctrl+C ends the demo through the signal handler of scripts/e2e/lib.mjs, which awaits every
  // stopOnSignal() registration; this line is reached only when code-server ends by itself.
  const code = await server.exited;
  if (stopping) await new Promise(() => {}); // lib.mjs's signal handler ends the process
  log(`code-server exited by itself (${code}); see ${server.serverLog}`);
  return 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`demo: ${error instanceof DemoError ? error.message : error.stack}`);
  if (options.check) console.error(`demo: check: FAIL (logs: ${BASE}/code-server.log, ${USER_DATA}/logs/)`);
} finally {
  await stopAll();
}
// A passing check leaves nothing behind; a failing one keeps its logs for the message above.
if (options.check && exitCode === 0 && !process.env.WINSYNC_DEMO_DIR) rmSync(BASE, { recursive: true, force: true });
process.exit(exitCode);
