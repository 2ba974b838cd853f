/**
 * Runs in a page of headless chromium (scripts/e2e/web-worker.mjs): starts the language server
 * bundle of the packaged extension (dist/server.js) as a web worker and speaks LSP with it over
 * postMessage, as the extension's browser client does on vscode.dev (`lspExchange`); and loads the
 * client bundle (dist/client.js) in a web worker as VS Code's web extension host loads it, a
 * CommonJS module whose `require` knows only `vscode` (`loadClient`). The runner checks the answers.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/browser';

/** The page's Worker (the project compiles without the DOM library). */
declare const Worker: new (
  url: string,
) => ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };

export interface ExchangeInput {
  readonly serverUrl: string;
  readonly uri: string;
  readonly text: string;
  /** Answers to workspace/configuration for the `winsyncLdif` section. */
  readonly settings: Record<string, unknown>;
  /** Where to ask for hovers and completion. */
  readonly hoversAt: readonly { line: number; character: number }[];
  readonly completeAt: { line: number; character: number };
  /** A second document, opened last: one over 256 KiB is first checked by the scan for quiet records (WebAssembly). */
  readonly large: { readonly uri: string; readonly text: string };
}

async function lspExchange(input: ExchangeInput): Promise<Record<string, unknown>> {
  const worker = new Worker(input.serverUrl);
  const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const configurationRequests: unknown[] = [];
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
    configurationRequests.push(params.items);
    return params.items.map((item) => (item.section === 'winsyncLdif' ? input.settings : null));
  });
  const published: PublishDiagnosticsParams[] = [];
  let onPublished: ((params: PublishDiagnosticsParams) => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    onPublished?.(params);
  });
  const nextDiagnostics = () => new Promise<PublishDiagnosticsParams>((resolve) => (onPublished = resolve));
  connection.listen();
  try {
    const initialize: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const firstDiagnostics = nextDiagnostics();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: input.uri, languageId: 'ldif', version: 1, text: input.text },
    });
    await firstDiagnostics;
    const diagnostics = published[published.length - 1].diagnostics;
    const textDocument = { uri: input.uri };
    const result = {
      serverInfo: initialize.serverInfo,
      capabilities: initialize.capabilities,
      diagnostics,
      hovers: await Promise.all(
        input.hoversAt.map((position) => connection.sendRequest(HoverRequest.type, { textDocument, position })),
      ),
      completion: await connection.sendRequest(CompletionRequest.type, { textDocument, position: input.completeAt }),
      codeActions: await connection.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: diagnostics[0].range,
        context: { diagnostics: [diagnostics[0]] },
      }),
      symbols: await connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      folding: await connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      formatting: await connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument,
        options: { tabSize: 2, insertSpaces: true },
      }),
      configurationRequests,
      diagnosticsAfterSettingsChange: undefined as unknown,
      largeDiagnostics: undefined as unknown,
    };
    // A settings change reaches the worker too: the server pulls the settings again and re-checks.
    input.settings.severity = { [String(diagnostics[0].code)]: 'off' };
    const again = nextDiagnostics();
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await again;
    result.diagnosticsAfterSettingsChange = published[published.length - 1].diagnostics;
    // Opened with the settings it began with: the code turned off above is on again.
    delete input.settings.severity;
    const large = nextDiagnostics();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: input.large.uri, languageId: 'ldif', version: 1, text: input.large.text },
    });
    result.largeDiagnostics = (await large).diagnostics;
    await connection.sendRequest(ShutdownRequest.type);
    return result;
  } finally {
    connection.dispose();
    worker.terminate();
  }
}

/**
 * What VS Code's web extension host does with a `browser` entry: evaluates it as CommonJS in a web
 * worker, with a `require` that answers `vscode` only. Resolves to the module's exports and every
 * module it asked for, or to the error its evaluation threw.
 */
function loadClient(clientUrl: string): Promise<{ exports?: string[]; required: string[]; error?: string }> {
  const source = `
    const required = [];
    const require = (name) => {
      required.push(name);
      if (name === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: () => undefined }) });
      throw new Error('Cannot load module ' + name);
    };
    fetch(${JSON.stringify(clientUrl)}).then((response) => response.text()).then((text) => {
      const module = { exports: {} };
      try {
        new Function('module', 'exports', 'require', text)(module, module.exports, require);
        postMessage({ exports: Object.keys(module.exports).sort(), required });
      } catch (error) {
        postMessage({ error: String(error && error.stack || error), required });
      }
    });`;
  const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(blob);
  return new Promise((resolve) => {
    (worker as unknown as { onmessage: (event: { data: never }) => void }).onmessage = (event) => {
      worker.terminate();
      resolve(event.data);
    };
  });
}

Object.assign(globalThis, { lspExchange, loadClient });
