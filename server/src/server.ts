/**
 * The language server: a thin LSP adapter over the engine in getLanguageService.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type ParsedDocument, type ValidationSettings } from './service';
import { toCodeActions, toLspCompletionItem, toLspDiagnostic, toLspFoldingRange, toLspHover, toLspSymbol } from './lsp/convert';
import { DEFAULT_FOLD_WIDTH } from './features/formatting';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = getLanguageService();
const parsed = new Map<string, ParsedDocument>();
let settings: ValidationSettings = {};
let formatting = { foldWidth: DEFAULT_FOLD_WIDTH };
let canPullConfiguration = false;
// Diagnostics wait for the first settings, so a document opened at start-up is not published twice.
let settingsLoaded: Promise<void> = Promise.resolve();

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' '] },
    },
    serverInfo: { name: 'winsync-ldif' },
  };
});

connection.onInitialized(() => {
  settingsLoaded = refreshSettings();
});

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  for (const document of documents.all()) await publish(document);
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  const section = (await connection.workspace.getConfiguration('winsyncLdif')) as
    | {
        severity?: ValidationSettings['severity'];
        disabledGroups?: ValidationSettings['disabledGroups'];
        maxDiagnostics?: number;
        foldWidth?: number;
      }
    | null;
  formatting = { foldWidth: section?.foldWidth ?? DEFAULT_FOLD_WIDTH };
  settings = {
    severity: section?.severity ?? {},
    disabledGroups: section?.disabledGroups ?? [],
    maxDiagnostics: section?.maxDiagnostics,
  };
}

function current(document: TextDocument): ParsedDocument {
  const previous = parsed.get(document.uri);
  if (previous && previous.text === document.getText()) return previous;
  const next = service.parse(document.getText(), previous);
  parsed.set(document.uri, next);
  return next;
}

async function publish(document: TextDocument): Promise<void> {
  await settingsLoaded;
  const diagnostics = service.validate(current(document), settings).map(toLspDiagnostic);
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.onDidChangeContent((event) => void publish(event.document));
documents.onDidClose((event) => {
  parsed.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => toCodeActions(params.textDocument.uri, params.context.diagnostics));

/** Runs a feature on the current parse of an open document. */
function withDocument<T>(uri: string, feature: (document: ParsedDocument) => T, fallback: T): T {
  const document = documents.get(uri);
  return document ? feature(current(document)) : fallback;
}

connection.onDocumentSymbol((params) =>
  withDocument(params.textDocument.uri, (d) => service.findDocumentSymbols(d).map(toLspSymbol), []),
);
connection.onFoldingRanges((params) =>
  withDocument(params.textDocument.uri, (d) => service.getFoldingRanges(d).map(toLspFoldingRange), []),
);
connection.onDocumentFormatting((params) =>
  withDocument(params.textDocument.uri, (d) => service.format(d, { foldWidth: formatting.foldWidth }), []),
);

connection.onHover((params) =>
  withDocument(params.textDocument.uri, (d) => {
    const hover = service.hover(d, params.position);
    return hover ? toLspHover(hover) : null;
  }, null),
);
connection.onCompletion((params) =>
  withDocument(params.textDocument.uri, (d) => service.complete(d, params.position).map(toLspCompletionItem), []),
);

documents.listen(connection);
connection.listen();
