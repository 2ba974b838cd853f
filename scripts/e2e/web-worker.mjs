// The web extension (vscode.dev, github.dev) of the packaged .vsix in a real browser, in two steps:
// 1. headless chromium opens a page served from 127.0.0.1 that starts the .vsix's dist/server.js
//    as a web worker and speaks LSP with it over postMessage (test/web/harness.ts), as the
//    extension's browser client does: validation, settings, hover, completion, quick fixes,
//    outline, folding and formatting; and loads its dist/client.js (package.json's `browser`) in a
//    web worker as VS Code does, where nothing but `vscode` can be required;
// 2. the .vsix runs in VS Code's own web worker extension host (code-server 4.100.3, the
//    extension named in the workbench's additionalBuiltinExtensions, as @vscode/test-web does):
//    squiggle, Problems panel, hover and Open an Example work, apply is nowhere.
// Nothing leaves 127.0.0.1. The pages' console and screenshots go to .test-artifacts/e2e/web-worker/.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { build } from 'esbuild';
import {
  artifactsDir,
  consoleText,
  launchBrowser,
  log,
  quickOpen,
  ROOT,
  startCodeServer,
  unpackVsix,
  VSIX,
  withTimeout,
} from './lib.mjs';

const URI = 'vscode-vfs://github/example/idm-config/ipa-winsync.ldif';
// An invalid enum value, a base64 value and a line longer than the fold width.
const TEXT = [
  '# the ipa-winsync plug-in entry',
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: sometimes',
  '-',
  'replace: ipaWinSyncUserFlatten',
  'ipaWinSyncUserFlatten: true',
  '-',
  'replace: ipaWinSyncDefaultGroup',
  `ipaWinSyncDefaultGroup:: ${Buffer.from('Grüße').toString('base64')}`,
  '-',
  `replace: description`,
  `description: ${'a long description that Format Document folds at the fold width '.repeat(2).trim()}`,
  '-',
  '',
].join('\n');

// Over 256 KiB, so that its first check is the scan for quiet records (WebAssembly in the worker):
// 4,000 ordinary modifies, then TEXT: its invalid value is on line 24,005.
const LARGE_URI = 'vscode-vfs://github/example/idm-config/users.ldif';
const LARGE_TEXT = [
  ...Array.from({ length: 4000 }, (_, i) =>
    [
      `dn: uid=user${i},cn=users,cn=accounts,dc=example,dc=com`,
      'changetype: modify',
      'replace: description',
      `description: user ${i} é`,
      '-',
      '',
    ].join('\n'),
  ),
  TEXT,
].join('\n');

/** Each check: a name and a function of the exchange's result that throws when it does not hold. */
const CHECKS = [
  [
    'the server names itself and offers every editing feature',
    (r) => {
      expect(r.serverInfo?.name === 'winsync-ldif', `serverInfo ${JSON.stringify(r.serverInfo)}`);
      for (const capability of [
        'hoverProvider',
        'completionProvider',
        'codeActionProvider',
        'documentSymbolProvider',
        'foldingRangeProvider',
        'documentFormattingProvider',
      ]) {
        expect(r.capabilities[capability], `capability ${capability}`);
      }
    },
  ],
  [
    'diagnostics: winsync/invalid-enum on "sometimes"',
    (r) => {
      const found = r.diagnostics.find((d) => d.code === 'winsync/invalid-enum');
      expect(found, `diagnostics ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
      expect(
        found.range.start.line === 4 && found.range.start.character === 23,
        `range ${JSON.stringify(found.range)}`,
      );
      expect(!r.diagnostics.some((d) => d.code === 'winsync/check-failed'), JSON.stringify(r.diagnostics));
    },
  ],
  [
    'the client bundle loads in a web worker, requiring nothing but vscode',
    (r) => {
      expect(!r.client.error, r.client.error);
      expect(
        JSON.stringify(r.client.exports) === '["activate","deactivate"]',
        `exports ${JSON.stringify(r.client.exports)}`,
      );
      expect(
        r.client.required.every((name) => name === 'vscode'),
        `required ${JSON.stringify(r.client.required)}`,
      );
    },
  ],
  [
    'the settings were asked for this document',
    (r) => {
      expect(
        r.configurationRequests.flat().some((item) => item.section === 'winsyncLdif' && item.scopeUri === URI),
        JSON.stringify(r.configurationRequests),
      );
    },
  ],
  [
    'hover on the attribute documents it from the catalog',
    (r) => {
      const [hover] = r.hovers;
      expect(
        /ipaWinSyncAcctDisable/.test(hover?.contents?.value ?? '') && /to_ad/.test(hover.contents.value),
        JSON.stringify(hover),
      );
    },
  ],
  [
    "hover on a base64 value shows it decoded (UTF-8, without node's Buffer)",
    (r) => {
      expect(/Grüße/.test(r.hovers[1]?.contents?.value ?? ''), JSON.stringify(r.hovers[1]));
    },
  ],
  [
    'completion after "ipaWinSyncAcctDisable: " offers the allowed values',
    (r) => {
      const labels = (Array.isArray(r.completion) ? r.completion : r.completion.items).map((item) => item.label);
      for (const value of ['none', 'to_ad', 'to_ds', 'both'])
        expect(labels.includes(value), `${value} in ${JSON.stringify(labels)}`);
    },
  ],
  [
    'a quick fix replaces the invalid value with an allowed one',
    (r) => {
      const values = r.codeActions.flatMap((action) =>
        Object.values(action.edit?.changes ?? {})
          .flat()
          .map((edit) => edit.newText),
      );
      expect(
        values.length > 0 && values.every((value) => ['none', 'to_ad', 'to_ds', 'both'].includes(value)),
        JSON.stringify(r.codeActions),
      );
    },
  ],
  [
    'the outline has the record, named by its DN',
    (r) => {
      expect(r.symbols.length === 1 && r.symbols[0].name.includes('cn=ipa-winsync'), JSON.stringify(r.symbols));
    },
  ],
  [
    'folding covers the record',
    (r) => {
      expect(
        r.folding.some((range) => range.startLine <= 1 && range.endLine >= 14),
        JSON.stringify(r.folding),
      );
    },
  ],
  [
    'Format Document folds the long line',
    (r) => {
      expect(
        r.formatting.length > 0 &&
          r.formatting.every((edit) => edit.range.start.line === 13 && edit.newText.includes('\n ')),
        JSON.stringify(r.formatting),
      );
    },
  ],
  [
    'a document over 256 KiB, first checked by the scan for quiet records in WebAssembly: the finding at its line',
    (r) => {
      const codes = r.largeDiagnostics.map((d) => `${d.code}@${d.range.start.line}`);
      expect(
        codes.includes('winsync/invalid-enum@24004') && !codes.some((code) => code.startsWith('winsync/check-failed')),
        JSON.stringify(codes),
      );
    },
  ],
  [
    'a settings change re-checks: the code turned off is gone',
    (r) => {
      expect(
        !r.diagnosticsAfterSettingsChange.some((d) => d.code === 'winsync/invalid-enum'),
        JSON.stringify(r.diagnosticsAfterSettingsChange),
      );
    },
  ],
];

function expect(condition, detail) {
  if (!condition) throw new Error(detail);
}

/** Serves the page, the harness and the extension's bundles on 127.0.0.1; resolves to its URL and close(). */
async function serve(harness, extension) {
  const files = {
    '/': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><title>winsync-ldif web worker</title><script src="harness.js"></script>',
    ],
    '/harness.js': ['text/javascript', harness],
    '/server.js': ['text/javascript', readFileSync(join(extension, 'dist/server.js'))],
    '/client.js': ['text/javascript', readFileSync(join(extension, 'dist/client.js'))],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url, 'http://localhost').pathname];
    response.writeHead(file ? 200 : 404, { 'content-type': file ? file[0] : 'text/plain' });
    response.end(file ? file[1] : 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const CONTENT_TYPES = {
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.md': 'text/markdown',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** Where the workbench finds the extension: on its own origin, as its content security policy wants. */
const EXTENSION_PATH = '/winsync-ldif-web';

/**
 * Step 2: the .vsix in VS Code's web worker extension host. Throws at the first check that fails
 * (after a screenshot); `step` logs each check.
 */
async function checkInWebExtensionHost(extension, artifacts, consoleLines, step) {
  let server;
  let browser;
  try {
    step('serve the unpacked .vsix to the workbench as a web extension');
    server = await startCodeServer({ name: 'web' });
    // A page whose HTML a route rewrote loses its loopback address space: without this flag
    // chromium blocks the workbench's WebSocket to code-server.
    browser = await launchBrowser({ args: ['--disable-features=LocalNetworkAccessChecks'] });
    const { context, page } = browser;
    page.on('console', (message) => consoleLines.push(`[web host ${message.type()}] ${consoleText(message)}`));
    await context.route(
      (url) => url.pathname.startsWith(`${EXTENSION_PATH}/`),
      (route) => {
        const file = join(
          extension,
          decodeURIComponent(new URL(route.request().url()).pathname.slice(EXTENSION_PATH.length)),
        );
        if (relative(extension, file).startsWith('..') || !existsSync(file) || statSync(file).isDirectory())
          return route.fulfill({ status: 404, body: '' });
        return route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      },
    );
    const location = JSON.stringify([
      { scheme: 'http', authority: `127.0.0.1:${server.port}`, path: EXTENSION_PATH },
    ]).replace(/"/g, '&quot;');
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /(id="vscode-workbench-web-configuration"\s+data-settings="\{)/,
          `$1&quot;additionalBuiltinExtensions&quot;:${location},`,
        );
        if (!html.includes('additionalBuiltinExtensions'))
          throw new Error('the workbench page has no web configuration to extend');
        await route.fulfill({ response, body: html });
      },
    );

    step('an .ldif file opens as LDIF; the language server in the web worker draws the squiggle');
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    await quickOpen(page, 'invalid-enum.ldif');
    await page.locator('#status\\.editor\\.mode', { hasText: /^LDIF$/ }).waitFor();
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor();

    step('the Problems panel lists winsync/invalid-enum; the hover shows the message');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'winsync/invalid-enum' }).first().waitFor();
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    await page.locator('.monaco-hover', { hasText: 'Invalid value "sometimes"' }).first().waitFor({ state: 'visible' });
    await page.screenshot({ path: join(artifacts, 'web-extension.png') });
    await page.mouse.move(5, 5);

    step('no apply in the browser: no editor title buttons, no CodeLens, no side bar, no Sync Agreements, one command');
    for (const title of ['Dry Run', 'Apply File to Server']) {
      if ((await page.locator(`.editor-actions .action-label[aria-label^="${title}"]`).count()) > 0)
        throw new Error(`the editor title shows ${title}`);
    }
    if ((await page.locator('.monaco-editor .codelens-decoration').count()) > 0)
      throw new Error('the editor shows a CodeLens');
    if ((await page.locator('.activitybar .action-label[aria-label^="Winsync LDIF"]').count()) > 0)
      throw new Error('the activity bar shows Winsync LDIF');
    if ((await page.locator('.pane-header', { hasText: 'Sync Agreements' }).count()) > 0)
      throw new Error('the Explorer shows Sync Agreements');
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Winsync LDIF:');
    const commands = page.locator('.quick-input-list .monaco-list-row .label-name');
    await commands.filter({ hasText: 'Open an Example' }).first().waitFor();
    const offered = (await commands.allTextContents())
      .map((text) => text.trim())
      .filter((text) => text.startsWith('Winsync LDIF'));
    // Only the command that needs no server: apply, profiles, agreements and the schema are hidden.
    if (JSON.stringify(offered) !== '["Winsync LDIF: Open an Example"]')
      throw new Error(`the Command Palette offers ${JSON.stringify(offered)}`);

    step('Open an Example opens broken-plugin.ldif in an untitled editor, with squiggles');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>Winsync LDIF: Open an Example');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open an Example' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'broken-plugin.ldif' }).first().waitFor();
    await page.locator('.quick-input-widget input').fill('broken-plugin.ldif');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'broken-plugin.ldif' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor();
    await page.locator('.monaco-editor .view-line', { hasText: 'ipaWinSyncAcctDisable: sometimes' }).first().waitFor();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.screenshot({ path: join(artifacts, 'web-extension-example.png') });
  } catch (error) {
    await browser?.page.screenshot({ path: join(artifacts, 'web-extension-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

/** Returns true when every check passed. The .vsix must be built. */
export async function runWebWorker() {
  const artifacts = artifactsDir('web-worker');
  const consoleLines = [];
  const dir = mkdtempSync(join(tmpdir(), 'winsync-e2e-web-'));
  let server;
  let browser;
  let failed = 0;
  let extension;
  try {
    extension = unpackVsix(VSIX, dir);
    const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
    expect(
      manifest.browser === './dist/client.js' && manifest.main === manifest.browser,
      `main ${manifest.main}, browser ${manifest.browser}`,
    );
    const bundle = await build({
      entryPoints: [join(ROOT, 'test/web/harness.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'warning',
    });
    server = await serve(bundle.outputFiles[0].text, extension);
    browser = await launchBrowser();
    const { page } = browser;
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${consoleText(message)}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error}`));
    await page.goto(server.url);
    const input = {
      serverUrl: `${server.url}server.js`,
      uri: URI,
      text: TEXT,
      settings: { foldWidth: 76 },
      hoversAt: [
        { line: 4, character: 5 },
        { line: 10, character: 28 },
      ],
      completeAt: { line: 4, character: 23 },
      large: { uri: LARGE_URI, text: LARGE_TEXT },
    };
    const result = await withTimeout(
      page.evaluate(([text, value]) => globalThis.lspExchange({ ...value, text }), [TEXT, input]),
      60_000,
      'the LSP exchange with the web worker',
    );
    result.client = await withTimeout(
      page.evaluate((url) => globalThis.loadClient(url), `${server.url}client.js`),
      30_000,
      'the client bundle in a web worker',
    );
    writeFileSync(join(artifacts, 'exchange.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const [name, check] of CHECKS) {
      try {
        check(result);
        log(`web worker: ✓ ${name}`);
      } catch (error) {
        failed++;
        log(`web worker: ✗ ${name}: ${error.message.slice(0, 400)}`);
      }
    }
  } catch (error) {
    failed++;
    log(`web worker: ${error.stack ?? error}`);
  } finally {
    await browser?.close();
    await server?.close();
  }
  log(`web worker: ${CHECKS.length - failed} of ${CHECKS.length} LSP checks passed`);

  let current = '';
  const step = (name) => {
    current = name;
    log(`web extension host: ${name}`);
  };
  try {
    if (!extension) throw new Error('the .vsix was not unpacked');
    await withTimeout(
      checkInWebExtensionHost(extension, artifacts, consoleLines, step),
      180_000,
      'the web extension host checks',
    );
    log('web extension host: PASS');
  } catch (error) {
    failed++;
    log(`web extension host failed at "${current}": ${error.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(join(artifacts, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
  return failed === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await runWebWorker()) ? 0 : 1);
