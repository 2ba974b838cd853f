// Runs the mocha suite of test/e2e/suite inside the extension host of a real VS Code (code-server
// 4.100.3) with the real vscode API, language client and server. code-server has no
// --extensionTestsPath, so headless chromium opens the workbench with a `payload` that names the
// extension under development and the tests (as VS Code web does for an Extension Development
// Host); the workbench reports the exit code through window.codeAutomationExit.
// The suite writes its results as JSON from inside the extension host; the run passes only when
// that file says so and the exit code is 0.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSuite } from './build-tests.mjs';
import {
  artifactsDir,
  consoleText,
  launchBrowser,
  log,
  ROOT,
  saveFailureArtifacts,
  startCodeServer,
  startDirectoryServer,
  startLab,
  withTimeout,
} from './lib.mjs';

const SUITE_TIMEOUT_MS = 240_000;

/** Returns true when every in-editor test passed. The extension must be built (dist/) already. */
export async function runHostSuite() {
  const testsPath = await buildSuite();
  const artifacts = artifactsDir('host-suite');
  const resultsFile = join(artifacts, 'results.json');
  const consoleLines = [];
  let directory;
  let lab;
  let server;
  let browser;
  let ok = false;
  try {
    // The apply tests (suite/apply.test.ts) change entries on a real 389-DS.
    directory = await startDirectoryServer();
    // The Sync Agreements tests (suite/agreements.test.ts) watch a real Windows sync agreement.
    lab = await startLab();
    server = await startCodeServer({
      name: 'host',
      // The extension host inherits code-server's environment (WINSYNC_E2E_GREP too).
      env: { WINSYNC_E2E_RESULTS: resultsFile, ...directory.env, ...lab.env },
    });
    browser = await launchBrowser();
    const { page } = browser;
    let exit;
    const exitCode = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    // The remote extension host's console does not reach the page: results come from the JSON file.
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT.replace(/\/$/, ''))],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(payload)}`,
    );
    log('workbench opened; running the suite in the extension host');
    const code = await withTimeout(exitCode, SUITE_TIMEOUT_MS, 'the in-editor suite to finish (codeAutomationExit)');
    if (!existsSync(resultsFile)) {
      // run() failed before mocha ran (e.g. a test file threw while loading): the workbench logs why.
      const errors = consoleLines.filter(
        (line) => line.startsWith('[error]') && !/Failed to load resource|ENOTFOUND/.test(line),
      );
      throw new Error(
        `the suite exited with ${code} but wrote no ${relative(ROOT, resultsFile)}; console errors:\n${errors.slice(-10).join('\n')}`,
      );
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const test of results.tests) {
      const mark = { passed: '✓', failed: '✗', pending: '-' }[test.state];
      console.log(`    ${mark} ${test.title}${test.durationMs === undefined ? '' : ` (${test.durationMs} ms)`}`);
      if (test.error) console.log(test.error.replace(/^/gm, '        '));
    }
    log(
      `VS Code ${results.vscodeVersion}: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending (exit code ${code})`,
    );
    ok = code === 0 && results.failed === 0 && results.passed > 0;
    if (!ok) await saveFailureArtifacts(artifacts, server, page);
  } catch (error) {
    log(`host suite: ${error.stack ?? error}`);
    await saveFailureArtifacts(artifacts, server, browser?.page).catch((e) => log(String(e)));
  } finally {
    writeFileSync(join(artifacts, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
    await browser?.close();
    await server?.stop();
    await lab?.stop();
    await directory?.stop();
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await runHostSuite()) ? 0 : 1);
