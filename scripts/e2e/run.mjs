// The real-VS-Code tests: packages the extension (npm run package) and checks what the .vsix ships,
// then runs the in-editor mocha suite (host-suite.mjs), the UI smoke test of the .vsix
// (ui-smoke.mjs), the UI test of applying (ui-apply.mjs: Restricted Mode, the modal questions) and
// the web extension (web-worker.mjs: the .vsix's bundles in chromium's web workers and in VS Code's
// web worker extension host), each against its own code-server. Needs scripts/e2e/install.sh
// first. Exit code 0 only when all pass.
//   node scripts/e2e/run.mjs [--only host|ui|web]
// WINSYNC_E2E_GREP=<text> runs only the in-editor tests whose title contains it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runHostSuite } from './host-suite.mjs';
import { log, ROOT, VSIX } from './lib.mjs';
import { runUiApply } from './ui-apply.mjs';
import { runUiSmoke } from './ui-smoke.mjs';
import { runWebWorker } from './web-worker.mjs';

// Past this the run is stuck: SIGTERM ourselves so lib.mjs stops every code-server by its PID.
const DEADLINE_MS = 8 * 60_000;
setTimeout(() => {
  log(`e2e: still running after ${DEADLINE_MS / 60_000} min, giving up`);
  process.kill(process.pid, 'SIGTERM');
}, DEADLINE_MS).unref();

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'host' && only !== 'ui' && only !== 'web') {
  console.error('usage: node scripts/e2e/run.mjs [--only host|ui|web]');
  process.exit(2);
}

log('npm run package');
const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
if (pack.status !== 0) {
  console.error(pack.stdout, pack.stderr);
  log(`npm run package failed (${pack.status ?? pack.signal})`);
  process.exit(1);
}

// What the .vsix ships: the two bundles the extension runs (each for node and the browser) and the
// server's node entry that runs it from a code cache, small, and no link to a source map it does not ship.
const VSIX_LIMIT = 400 * 1024;
const listed = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
const bundles = listed.stdout.split('\n').filter((file) => file.startsWith('dist/'));
const problems = [
  ...(statSync(VSIX).size > VSIX_LIMIT ? [`the .vsix is ${statSync(VSIX).size} bytes, over ${VSIX_LIMIT}`] : []),
  ...(bundles.sort().join(' ') === 'dist/client.js dist/server.js dist/serverLauncher.js'
    ? []
    : [`it ships ${bundles.join(', ')}`]),
  ...bundles
    .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('sourceMappingURL'))
    .map((file) => `${file} links a source map the .vsix does not ship`),
];
if (listed.status !== 0 || problems.length > 0) {
  console.error(listed.stderr, problems.join('\n'));
  process.exit(1);
}
log(`packaged ${relative(ROOT, VSIX)}: ${(statSync(VSIX).size / 1024).toFixed(0)} KB, ${bundles.join(', ')}`);

const results = {};
if (only === undefined || only === 'host') results['in-editor suite'] = await runHostSuite();
if (only === undefined || only === 'ui') results['UI smoke test'] = await runUiSmoke();
if (only === undefined || only === 'ui') results['UI test of applying'] = await runUiApply();
if (only === undefined || only === 'web') results['web extension'] = await runWebWorker();
for (const [name, ok] of Object.entries(results)) log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
process.exit(Object.values(results).every(Boolean) ? 0 : 1);
