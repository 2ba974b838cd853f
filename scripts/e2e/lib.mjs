// Shared by the e2e runners: where things are, a code-server on loopback that is always stopped
// by its PID, a headless chromium, bounded waits and failure artifacts.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CS_VERSION = '4.100.3';
/** Same folder as scripts/e2e/install.sh. */
export const CODE_SERVER_DIR =
  process.env.WINSYNC_CODE_SERVER_DIR ??
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'winsync-ldif', `code-server-${CS_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.WINSYNC_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, '.test-artifacts/e2e');
export const FIXTURE_WORKSPACE = join(ROOT, 'test/e2e/fixtures/workspace');
export const VSIX = join(ROOT, 'dist/winsync-ldif.vsix');

const started = Date.now();
export function log(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

/** Rejects after `ms` unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Is any process of the process group `pid` still alive? */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// What is still running (browsers, code-servers), so a signal to the runner stops it too.
// Each entry is an idempotent async stop function.
const running = new Set();
function once(stop) {
  let stopping;
  const guarded = () => {
    running.delete(guarded);
    stopping ??= stop();
    return stopping;
  };
  running.add(guarded);
  return guarded;
}

/**
 * Registers an idempotent async `stop` to run when the runner gets a signal (after everything
 * registered later), and returns the guarded stop to call on the normal path. For scripts that
 * start their own processes next to these helpers (scripts/demo.mjs).
 */
export const stopOnSignal = (stop) => once(stop);

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.once(signal, async () => {
    log(`${signal}: stopping ${running.size} browser(s) and code-server(s)`);
    // Browsers first: they hold connections to the servers.
    const all = [...running].reverse();
    for (const stop of all) await stop().catch((error) => log(String(error)));
    process.exit(code);
  });
}

const SETTINGS = {
  'workbench.startupEditor': 'none', // the Welcome page would steal focus and Quick Open
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'editor.cursorBlinking': 'solid', // steadier screenshots
  'chat.commandCenter.enabled': false,
};

/**
 * Starts one code-server on 127.0.0.1 with a free port and fresh user-data and extensions
 * folders, with a copy of the fixture workspace. `vsix` is installed first when given; `env`
 * reaches the extension host; `workspaceSettings` become the workspace's .vscode/settings.json.
 * `restricted`: workspace trust is on and the folder is not trusted (Restricted Mode); otherwise
 * trust is off and every folder is trusted. Call stop() in a finally.
 */
export async function startCodeServer({ name, vsix, env = {}, restricted = false, workspaceSettings }) {
  if (!existsSync(CODE_SERVER_ENTRY))
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/e2e/install.sh`);
  const dir = mkdtempSync(join(tmpdir(), `winsync-e2e-${name}-`));
  const port = await freePort();
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  const workspace = join(dir, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const trust = restricted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : {};
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...trust }, null, 2));
  if (workspaceSettings) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify(workspaceSettings, null, 2));
  }
  // Always pass --config: without it code-server writes ~/.config/code-server/config.yaml with password auth.
  writeFileSync(join(dir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', join(dir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

  if (vsix) {
    const install = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (install.status !== 0)
      throw new Error(
        `--install-extension failed (${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`,
      );
    log(`installed ${relative(ROOT, vsix)}: ${install.stdout.trim().split('\n').pop()}`);
  }

  const serverLog = join(dir, 'server.log');
  const out = createWriteStream(serverLog);
  // detached: its own process group, so stop() can also reach extension hosts and language servers.
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      ...(restricted ? [] : ['--disable-workspace-trust']),
      '--ignore-last-opened',
    ],
    // WINSYNC_E2E_USER_DATA: tests read the logs the editor wrote (e.g. to prove no password is in them).
    // NODE_EXTRA_CA_CERTS, as many machines set it: the language server must run without it.
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt',
        WINSYNC_E2E_USER_DATA: userData,
        ...env,
      },
    },
  );
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const server = {
    name,
    dir,
    port,
    pid: child.pid,
    userData,
    workspace,
    serverLog,
    url: `http://127.0.0.1:${port}`,
    /** SIGTERM to code-server, then SIGKILL to its process group if anything is left after 10 s. */
    stop: once(async () => {
      const begin = Date.now();
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(10_000)]);
      while (groupAlive(child.pid) && Date.now() < begin + 10_000) await sleep(100);
      if (groupAlive(child.pid)) {
        log(`code-server ${child.pid}: process group still alive after SIGTERM, sending SIGKILL`);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      out.end();
      rmSync(dir, { recursive: true, force: true });
      log(`code-server ${child.pid} stopped in ${((Date.now() - begin) / 1000).toFixed(1)} s`);
    }),
  };

  // /healthz answers about 0.5 s after start; give it 30 s on a loaded machine.
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${serverLog}`);
      try {
        if ((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 30 s; see ${serverLog}`);
      await sleep(200);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`code-server ${CS_VERSION} pid ${child.pid} on ${server.url}`);
  return server;
}

/**
 * Unpacks `vsix` into `dir`/extensions the way the editor installs it (code-server
 * --install-extension with folders of its own) and returns the extension's folder.
 */
export function unpackVsix(vsix, dir) {
  mkdirSync(join(dir, 'user-data'), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const args = ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'user-data')];
  const install = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, ...args, '--extensions-dir', join(dir, 'extensions'), '--install-extension', vsix],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (install.status !== 0)
    throw new Error(
      `--install-extension failed (${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`,
    );
  const [folder] = readdirSync(join(dir, 'extensions')).filter((name) => !name.endsWith('.json'));
  return join(dir, 'extensions', folder);
}

/** Runs `bash scripts/ds389.sh <command>` without blocking the event loop (signals still stop the run). */
function ds389(command, timeoutMs) {
  return runScript('scripts/ds389.sh', command, timeoutMs);
}

/** Runs `bash <script> <command>` without blocking the event loop; resolves to its stdout. */
function runScript(script, command, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(ROOT, script), command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `${script} ${command} failed (${code ?? signal}):\n${err.trim().split('\n').slice(-15).join('\n')}`,
          ),
        );
    });
  });
}

/**
 * The real 389-DS of scripts/ds389.sh for the in-editor apply tests: installed, created,
 * started and seeded as needed (`ds389.sh all`, bounded). Returns its LDAP_TEST_* variables
 * (a password *file*, never the password) and stop(), which stops the server only when this
 * run started it, so a server someone else is using keeps running.
 */
export async function startDirectoryServer() {
  const begin = Date.now();
  const env = Object.fromEntries(
    (await ds389('env', 30_000))
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const wasRunning = pidAlive(env.LDAP_TEST_PID_FILE);
  const stop = once(async () => {
    if (wasRunning) return log('389-DS was running before this run: left running');
    const stopping = Date.now();
    await ds389('stop', 60_000).catch((error) => log(String(error)));
    log(`389-DS stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
  });
  try {
    await ds389('all', 15 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  log(
    `389-DS ready on ${env.LDAP_TEST_URL} in ${((Date.now() - begin) / 1000).toFixed(1)} s${wasRunning ? ' (already running)' : ''}`,
  );
  return { env, stop };
}

/**
 * The winsync lab of scripts/lab.sh (Samba AD DC + 389-DS with a Windows sync agreement) for the
 * Sync Agreements tests: brought up as needed (`lab.sh up`, bounded; root only) and its LAB_*
 * variables returned (password *files*, never passwords). stop() takes it down only when this run
 * brought it up, so a lab that npm test or a demo is using keeps running.
 */
export async function startLab() {
  const begin = Date.now();
  const lab = (command, timeoutMs) => runScript('scripts/lab.sh', command, timeoutMs);
  const wasUp = /^samba: running/m.test(await lab('status', 60_000).catch(() => ''));
  const stop = once(async () => {
    if (wasUp) return log('winsync lab was up before this run: left up');
    const stopping = Date.now();
    await lab('down', 120_000).catch((error) => log(String(error)));
    log(`winsync lab down in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
  });
  try {
    await lab('up', 15 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const env = Object.fromEntries(
    (await lab('env', 30_000))
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  log(
    `winsync lab ready on ${env.LAB_URL} in ${((Date.now() - begin) / 1000).toFixed(1)} s${wasUp ? ' (already up)' : ''}`,
  );
  return { env, stop };
}

function pidAlive(pidFile) {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

/**
 * A headless Debian chromium with a fresh profile; playwright-core never downloads a browser.
 * `args` are added to chromium's command line.
 */
export async function launchBrowser({ args = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'winsync-e2e-chromium-'));
  const context = await withTimeout(
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      // lib.mjs stops browsers and servers in order on a signal; Playwright must not exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // The machine's network is closed: without these chromium keeps trying to reach Google.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        ...args,
      ],
    }),
    60_000,
    'chromium to start',
  );
  // Generous for a loaded 2-core machine; every step still has an end.
  context.setDefaultTimeout(45_000);
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    close: once(async () => {
      await withTimeout(context.close(), 20_000, 'chromium to close').catch((error) => log(String(error)));
      rmSync(profile, { recursive: true, force: true });
    }),
  };
}

/**
 * Types `text` into the open quick input and presses Enter on the row labelled `label`,
 * deterministically: Enter takes the focused row, and lists fill in steps (Quick Open shows
 * recently opened files first and the file search later), so it waits until the focused row is
 * `label` and has stayed so for a moment.
 */
async function chooseInQuickInput(page, text, label) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  const focused = page.locator('.quick-input-list .monaco-list-row.focused .label-name');
  let steady = 0;
  for (const deadline = Date.now() + 20_000; steady < 3; await sleep(100)) {
    const shown = await focused.textContent({ timeout: 1_000 }).catch(() => undefined);
    steady = shown?.trim() === label ? steady + 1 : 0;
    if (Date.now() > deadline)
      throw new Error(`the focused row of the quick input is ${JSON.stringify(shown)}, not ${label}`);
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would; the active tab must then be `name`. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await chooseInQuickInput(page, name, name);
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Picks a color theme (Ctrl+K Ctrl+T) by its label, e.g. "Light+", and waits until the workbench shows it. */
export async function useColorTheme(page, label) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await chooseInQuickInput(page, label, label);
  // `vs` is the class of light themes, `vs-dark` of dark ones.
  const kind = /light/i.test(label) ? 'vs' : 'vs-dark';
  await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 20_000 });
  await sleep(500); // the editor repaints its tokens with the new colour map
}

/**
 * The computed colour of tokens in the active editor. `spec` maps a name to [the start of the
 * line, the start of the token's text], e.g. { value: ['mail', 'jdoe@'] }.
 */
export async function tokenColours(page, spec) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll(':scope > span > span')].map((span) => ({
        text: span.textContent.replace(/\u00a0/g, ' '),
        colour: span.ownerDocument.defaultView.getComputedStyle(span).color,
      })),
    ),
  );
  const colours = {};
  for (const [name, [lineStart, tokenStart]] of Object.entries(spec)) {
    const line = lines.find((spans) =>
      spans
        .map((span) => span.text)
        .join('')
        .startsWith(lineStart),
    );
    const token = line?.find((span) => span.text.trimStart().startsWith(tokenStart));
    if (!token) throw new Error(`no token "${tokenStart}" on a line starting "${lineStart}": ${JSON.stringify(lines)}`);
    colours[name] = token.colour;
  }
  return colours;
}

/** A browser console line, without the %c styling of VS Code's log lines ("%c  ERR color: #f33 message"). */
export function consoleText(message) {
  return message
    .text()
    .replace(/%c/g, '')
    .replace(/ color: #[0-9a-f]{3,6}\b/gi, '');
}

/** A fresh artifacts folder for one runner. */
export function artifactsDir(name) {
  const dir = join(ARTIFACTS, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies server.log and the extension-host logs of `server` into `dir`, plus a screenshot of `page`. */
export async function saveFailureArtifacts(dir, server, page) {
  if (page) {
    await withTimeout(page.screenshot({ path: join(dir, 'failure.png') }), 10_000, 'failure screenshot').catch(
      (error) => log(`no failure screenshot: ${error.message}`),
    );
  }
  if (server) {
    cpSync(server.serverLog, join(dir, 'server.log'));
    // remoteagent.log, exthost*/remoteexthost.log and the extension's own output channel log.
    const logs = join(server.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(dir, 'logs'), { recursive: true });
  }
  log(`failure artifacts in ${relative(ROOT, dir)}/`);
}
