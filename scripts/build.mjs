// Bundles the extension client, the language server and the CLI into dist/, minified, after checking
// the catalog data against its zod schema (the bundles load the data as it is, without zod), and
// without the rules' documentation (ruleDocumentation.mjs).
// --production (npm run package): source maps are written beside the bundles but not linked from
// them, since the .vsix does not ship them. NO_MINIFY=1 keeps the names, for reading a CPU profile.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { ruleDocumentation } from './ruleDocumentation.mjs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

// One client and one server bundle serve both hosts (node, and a browser's web worker on vscode.dev):
// each picks its host at run time and loads the other host's modules never (client/src/extension.ts,
// server/src/lsp/server.ts). The bundles build for node, whose resolution leaves out the browser
// variants of the LSP libraries (their package.json exports them under the "browser" condition
// only); this resolves those few by hand rather than turning the condition on for every package.
const BROWSER_LIBRARIES =
  /^(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver|vscode-languageclient)\/browser$/;
const browserVariants = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: BROWSER_LIBRARIES }, ({ path }) => ({
      path: fileURLToPath(
        new URL(`../node_modules/${path.slice(0, -'/browser'.length)}/lib/browser/main.js`, import.meta.url),
      ),
    }));
  },
};

// Two libraries that vscode-languageclient requires and the extension does not need, replaced by
// stand-ins at the same paths under scripts/shims/ to keep the .vsix under its 400 KB
// (scripts/e2e/run.mjs): each file says why it is safe.
const SHIMS = /^(semver\/functions\/(parse|satisfies)|minimatch)$/;
const shims = {
  name: 'shims',
  setup(build) {
    build.onResolve({ filter: SHIMS }, ({ path }) => ({
      path: fileURLToPath(new URL(`shims/${path}.cjs`, import.meta.url)),
    }));
  },
};

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? 'external' : 'linked',
  logLevel: 'warning',
  minify: !process.env.NO_MINIFY,
  plugins: [browserVariants, ruleDocumentation],
};

// "Open an Example" carries examples/*.ldif in the client bundle (a browser could not list a folder).
const EXAMPLES = new URL('../examples/', import.meta.url);
const examples = Object.fromEntries(
  readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.ldif'))
    .map((name) => [name, readFileSync(new URL(name, EXAMPLES), 'utf8')]),
);
const define = { WINSYNC_EXAMPLES: JSON.stringify(examples) };

const targets = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
    define,
    plugins: [browserVariants, ruleDocumentation, shims],
  },
  // metafile: the check below that node can run it from a code cache.
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js', metafile: true },
  // Node's entry of the language server: runs server.js from a V8 code cache (server/src/lsp/codeCache.ts).
  { entryPoints: ['server/src/lsp/serverLauncher.ts'], outfile: 'dist/serverLauncher.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The thread that scans the second half of a large file for `check` (server/src/cli/twoThreads.ts).
  { entryPoints: ['server/src/cli/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
];

/** Throws zod's report when the catalog data does not fit its schema. */
async function checkCatalog() {
  const { outputFiles } = await build({
    stdin: {
      contents: `import { CatalogSchema } from './server/src/engine/catalog/schema';
        import { catalogData } from './server/src/engine/catalog/data';
        import { AgreementStatusCatalogSchema } from './server/src/engine/catalog/agreementStatus.schema';
        import { agreementStatusCatalog } from './server/src/engine/catalog/agreementStatus';
        CatalogSchema.parse(catalogData);
        AgreementStatusCatalogSchema.parse(agreementStatusCatalog());`,
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  try {
    runInNewContext(outputFiles[0].text, { module: { exports: {} }, exports: {} });
  } catch (error) {
    console.error(
      `build: the catalog data does not fit its schema (server/src/engine/catalog/schema.ts, agreementStatus.schema.ts):\n${error.message}`,
    );
    process.exit(1);
  }
}

await checkCatalog();
if (watch) {
  const { context } = await import('esbuild');
  for (const target of targets) await (await context({ ...common, ...target })).watch();
} else {
  const results = await Promise.all(targets.map((target) => build({ ...common, ...target })));
  checkNoDynamicImport(results.find((result) => result.metafile)?.metafile);
}

/**
 * Fails when dist/server.js keeps an import() of a module outside the bundle: V8 does not let a
 * script compiled from a code cache import (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the
 * server would start from the cache and fail at its first such import.
 */
function checkNoDynamicImport(metafile) {
  const dynamic = Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.kind === 'dynamic-import' && entry.external)
    .map((entry) => entry.path);
  if (dynamic.length === 0) return;
  console.error(
    `build: dist/server.js imports ${dynamic.join(', ')} with import(); import it statically in a module that is itself imported with import() (as server/src/lsp/nodeHost.ts does).`,
  );
  process.exit(1);
}
