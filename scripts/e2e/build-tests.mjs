// Bundles the in-editor suite (test/e2e/suite/*.ts) into out/test/e2e/suite/, one file per
// entry, so the extension host can require index.js and mocha can load each *.test.js.
// vscode comes from the host and mocha from node_modules, so both stay external.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

export const SUITE_SRC = join(ROOT, 'test/e2e/suite');
export const SUITE_OUT = join(ROOT, 'out/test/e2e/suite');

export async function buildSuite() {
  // A clean folder: a deleted test must not keep running from a stale bundle.
  rmSync(SUITE_OUT, { recursive: true, force: true });
  const entries = readdirSync(SUITE_SRC)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(SUITE_SRC, name));
  await build({
    entryPoints: entries,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(SUITE_OUT, 'index.js');
}

if (import.meta.url === `file://${process.argv[1]}`) await buildSuite();
