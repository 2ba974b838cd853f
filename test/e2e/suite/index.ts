/**
 * Entry point of the in-editor suite, with the run() contract of @vscode/test-electron: VS Code
 * loads this module (extensionTestsPath) inside the extension host and awaits run(); a rejection
 * fails the run. It runs every *.test.js beside it with mocha (tdd UI), prints mocha's spec output
 * to the console, and writes a JSON summary to $WINSYNC_E2E_RESULTS so runners need not scrape it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number | undefined;
  readonly error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  // WINSYNC_E2E_GREP runs a subset, e.g. one feature while writing its tests.
  if (process.env.WINSYNC_E2E_GREP) mocha.grep(process.env.WINSYNC_E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const results: TestResult[] = [];
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('pass', (test) =>
        results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }),
      );
      runner.on('pending', (test) =>
        results.push({ title: test.fullTitle(), state: 'pending', durationMs: undefined }),
      );
      runner.on('fail', (test, error: Error) =>
        results.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration,
          error: error.stack ?? String(error),
        }),
      );
    } catch (error) {
      reject(error);
    }
  });

  const summary = {
    vscodeVersion: vscode.version,
    files,
    passed: results.filter((result) => result.state === 'passed').length,
    failed: failures,
    pending: results.filter((result) => result.state === 'pending').length,
    tests: results,
  };
  const out = process.env.WINSYNC_E2E_RESULTS;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  }
  if (failures > 0) throw new Error(`${failures} of ${results.length} in-editor tests failed`);
  if (results.length === 0) throw new Error('no in-editor tests ran');
}
