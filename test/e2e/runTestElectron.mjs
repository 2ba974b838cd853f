// Runs the same in-editor suite (test/e2e/suite) with @vscode/test-electron, on machines that can
// download VS Code (this project's CI cannot: it uses scripts/e2e/host-suite.mjs with code-server).
//   npm run test:e2e:electron            # VS Code 1.100.3, like the code-server runner
//   VSCODE_VERSION=stable npm run test:e2e:electron
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite } from '../../scripts/e2e/build-tests.mjs';
import { FIXTURE_WORKSPACE, ROOT } from '../../scripts/e2e/lib.mjs';

const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const extensionTestsPath = await buildSuite();

const dir = mkdtempSync(join(tmpdir(), 'winsync-e2e-electron-'));
const workspace = join(dir, 'workspace');
cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: { WINSYNC_E2E_RESULTS: join(ROOT, '.test-artifacts/e2e/electron-results.json') },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(dir, 'user-data'),
    ],
  });
} catch (error) {
  console.error(`test-electron: ${error.message ?? error}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
