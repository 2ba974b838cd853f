/**
 * The language server: a thin LSP adapter over the engine in getLanguageService. It speaks over
 * the connection its host gives it (server.ts: node's IPC or stdio, or a browser's web worker)
 * and uses what the host can do beyond the engine (`ServerHost`).
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
  type Position,
  type Connection,
} from 'vscode-languageserver';
import {
  getLanguageService,
  mergeChanges,
  type ParsedDocument,
  type TextChange,
  type ValidationSettings,
} from '../engine/service';
import {
  checkFailedDiagnostic,
  readRecordLenses,
  toCodeActions,
  toLspCompletionItem,
  toLspDiagnostic,
  toLspFoldingRange,
  toLspHover,
  toLspSymbol,
  toRecordCodeLenses,
  type RecordLens,
} from './convert';
import { DEFAULT_FOLD_WIDTH, type FormattingOptions } from '../engine/features/formatting';
import { EditorDocument } from './editorDocument';
import { LARGE_DOCUMENT_SIZE, LARGE_FEATURE_LIMIT, LargeDocument } from '../engine/largeDocument';
import { SchemaHolder } from './schemaHolder';
import { applySettings } from '../engine/rules/validate';
import type { Diagnostic } from '../engine/ldif/ast';
import type { TextDigest } from '../engine/util/digest';

/** What a host can do that the engine does not: node reads local files and hashes natively, a browser does neither. */
export interface ServerHost {
  /** Problems with the local files the `:< file://` values of a document name (localFiles.ts). */
  readonly localFileDiagnostics?: (uri: string, document: ParsedDocument, maxBytes?: number) => Promise<Diagnostic[]>;
  /** Names the pieces of a document over 10 MiB in the cache (default: the engine's digest128). */
  readonly digest?: TextDigest;
}

/** Serves LSP on `connection` until it closes. */
export function startLanguageServer(connection: Connection, host: ServerHost = {}): void {
  const service = getLanguageService();
  const parsed = new Map<string, ParsedDocument>();
  /**
   * Where each open document changed since it was last parsed (undefined once a change replaced
   * the whole text): the parse then need not compare the two versions of a large text.
   */
  const changedSince = new Map<string, TextChange | undefined>();
  const documents = new TextDocuments<EditorDocument>({
    create: EditorDocument.create,
    update(document, changes, version) {
      document.update(changes, version, (start, end, text) => {
        const earlier = changedSince.get(document.uri);
        const unknown = start < 0 || (changedSince.has(document.uri) && earlier === undefined);
        const next = { start, oldEnd: end, newEnd: start + text.length };
        changedSince.set(document.uri, unknown ? undefined : mergeChanges(earlier, next));
      });
      return document;
    },
  });
  const large = new Map<string, LargeDocument>();
  /** The `winsyncLdif` settings of one document (they may differ per workspace folder). */
  interface DocumentSettings {
    readonly validation: ValidationSettings;
    readonly formatting: FormattingOptions;
    /** The size cap on a `:< file://` value (winsyncLdif.maxValueFileSizeMiB), as apply uses it. */
    readonly maxFileValueBytes?: number;
  }
  const DEFAULT_SETTINGS: DocumentSettings = { validation: {}, formatting: { foldWidth: DEFAULT_FOLD_WIDTH } };
  // Per document URI, asked for once and forgotten when the settings change or the document closes.
  const settingsByUri = new Map<string, Promise<DocumentSettings>>();
  let canPullConfiguration = false;
  /** The per-record lenses the client asked for (its commands and wording); none when it asked for none. */
  let recordLenses: readonly RecordLens[] = [];
  // Settings are pulled only once the client is initialized, so diagnostics wait for that.
  let initialized: () => void;
  const ready = new Promise<void>((resolve) => (initialized = resolve));
  // Issue 16: the server schema the client sent for the active profile (none until it does).
  const schema = new SchemaHolder(connection, () => Promise.all(documents.all().map(publish)).then(() => undefined));

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    recordLenses = readRecordLenses(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        ...(recordLenses.length > 0 && { codeLensProvider: { resolveProvider: false } }),
      },
      serverInfo: { name: 'winsync-ldif' },
    };
  });

  connection.onInitialized(() => initialized());

  connection.onDidChangeConfiguration(async () => {
    settingsByUri.clear();
    for (const document of documents.all()) await publish(document);
  });

  /** The settings that apply to the document at `uri` (its workspace folder's, where they differ). */
  function settingsOf(uri: string): Promise<DocumentSettings> {
    let found = settingsByUri.get(uri);
    if (!found) settingsByUri.set(uri, (found = pullSettings(uri)));
    return found;
  }

  async function pullSettings(uri: string): Promise<DocumentSettings> {
    await ready;
    if (!canPullConfiguration) return DEFAULT_SETTINGS;
    const section = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'winsyncLdif' })) as {
      severity?: ValidationSettings['severity'];
      disabledGroups?: ValidationSettings['disabledGroups'];
      maxDiagnostics?: number;
      foldWidth?: number;
      foldComments?: boolean;
      maxValueFileSizeMiB?: number;
    } | null;
    const maxMiB = section?.maxValueFileSizeMiB;
    return {
      validation: {
        severity: section?.severity ?? {},
        disabledGroups: section?.disabledGroups ?? [],
        maxDiagnostics: section?.maxDiagnostics,
      },
      formatting: { foldWidth: section?.foldWidth ?? DEFAULT_FOLD_WIDTH, foldComments: section?.foldComments === true },
      maxFileValueBytes: maxMiB && maxMiB > 0 ? Math.round(maxMiB * 1024 * 1024) : undefined,
    };
  }

  function current(document: EditorDocument): ParsedDocument {
    const previous = parsed.get(document.uri);
    const change = changedSince.get(document.uri);
    changedSince.delete(document.uri);
    // The text of a version of the document never changes: the same text, the same parse.
    if (previous && previous.source === document.source) return previous;
    const next = service.parse(document.source, previous, change);
    parsed.set(document.uri, next);
    return next;
  }

  /** The piecewise checker of a document too large to keep parsed whole; undefined for any other. */
  function largeOf(document: EditorDocument): LargeDocument | undefined {
    if (document.source.length <= LARGE_DOCUMENT_SIZE) {
      large.delete(document.uri);
      return undefined;
    }
    parsed.delete(document.uri);
    changedSince.delete(document.uri);
    let found = large.get(document.uri);
    if (!found) {
      connection.console.info(
        `${document.uri} is over ${LARGE_DOCUMENT_SIZE / 2 ** 20} MiB: it is checked, outlined and folded in pieces, and its outline and folding end after ${LARGE_FEATURE_LIMIT.toLocaleString('en-US')} entries.`,
      );
      large.set(document.uri, (found = new LargeDocument(service.catalog, undefined, host.digest)));
    }
    return found;
  }

  /**
   * A large document's first check, without keeping a parse (`validateUnparsed`), so its
   * diagnostics come sooner; `parseAfter` builds its tree once they are out. Undefined once the
   * document is parsed, with a schema loaded, or where the shortcut does not apply.
   */
  function firstCheck(document: EditorDocument, settings: ValidationSettings): Diagnostic[] | undefined {
    if (parsed.has(document.uri) || schema.current) return undefined;
    return service.validateUnparsed(document.getText(), settings);
  }

  /** Parses and checks the document (keeping both) unless it changed or was parsed meanwhile: the first edit or feature then finds it done. */
  function parseAfter(document: EditorDocument, settings: ValidationSettings): void {
    const version = document.version;
    // A timer, not setImmediate: the server also runs in a browser's web worker.
    setTimeout(() => {
      if (documents.get(document.uri) !== document || document.version !== version || parsed.has(document.uri)) return;
      try {
        service.validate(current(document), settings);
      } catch (error) {
        // Not thrown out of a timer, which would end the server: the next check reports it (publish).
        connection.console.error(
          `Parsing ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    }, 0);
  }

  async function publish(document: EditorDocument): Promise<void> {
    const { validation: settings, maxFileValueBytes } = await settingsOf(document.uri);
    const version = document.version;
    let diagnostics: LspDiagnostic[];
    let unparsed: Diagnostic[] | undefined;
    try {
      const big = largeOf(document);
      if (big) diagnostics = big.validate(document.getText(), settings, schema.current).map(toLspDiagnostic);
      else if ((unparsed = firstCheck(document, settings))) diagnostics = unparsed.map(toLspDiagnostic);
      else {
        const parsedDocument = current(document);
        const found = service.validate(parsedDocument, settings, schema.current);
        // The files `:<` values name, read from the disk: a missing one is a warning, as in `check`.
        const files = (await host.localFileDiagnostics?.(document.uri, parsedDocument, maxFileValueBytes)) ?? [];
        // The document changed or closed meanwhile: a newer publish has the diagnostics, or none are due.
        if (document.version !== version || documents.get(document.uri) !== document) return;
        const shaped = applySettings(files, { ...settings, maxDiagnostics: Number.POSITIVE_INFINITY });
        diagnostics = [...found, ...shaped].map(toLspDiagnostic);
      }
    } catch (error) {
      // A document the engine cannot check must not take the server, and every other open file, down.
      connection.console.error(
        `Checking ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      diagnostics = [checkFailedDiagnostic(error)];
    }
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    if (unparsed) parseAfter(document, settings);
  }

  /**
   * Each open document's first check. The features that read the whole parse tree (outline,
   * folding, code lenses), which an editor asks for right after opening a file, wait for it: a
   * document just opened is checked without keeping its tree (see `ParsedDocument`), so its
   * diagnostics come first and the tree is built after them.
   */
  const firstChecks = new Map<string, Promise<unknown>>();
  documents.onDidChangeContent((event) => {
    const checked = publish(event.document);
    // Whether or not it succeeded, the features go on after it.
    if (!firstChecks.has(event.document.uri))
      firstChecks.set(
        event.document.uri,
        checked.catch(() => undefined),
      );
  });
  documents.onDidClose((event) => {
    firstChecks.delete(event.document.uri);
    parsed.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    changedSince.delete(event.document.uri);
    large.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => toCodeActions(params.textDocument.uri, params.context.diagnostics));

  /**
   * Runs a feature on the current parse of an open document. A large document is never parsed
   * whole: a feature at a position sees the records around it, the others get `fallback`.
   */
  function withDocument<T>(uri: string, feature: (document: ParsedDocument) => T, fallback: T, position?: Position): T {
    const document = documents.get(uri);
    if (!document) return fallback;
    const big = largeOf(document);
    if (!big) return feature(current(document));
    return position ? feature(big.around(document.getText(), document.offsetAt(position), position.line)) : fallback;
  }

  connection.onDocumentSymbol(async (params) => {
    await firstChecks.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    const big = document && largeOf(document);
    if (big) return big.documentSymbols(document.getText()).map(toLspSymbol);
    return withDocument(params.textDocument.uri, (d) => service.findDocumentSymbols(d).map(toLspSymbol), []);
  });
  connection.onFoldingRanges(async (params) => {
    await firstChecks.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    const big = document && largeOf(document);
    if (big) return big.foldingRanges(document.getText()).map(toLspFoldingRange);
    return withDocument(params.textDocument.uri, (d) => service.getFoldingRanges(d).map(toLspFoldingRange), []);
  });
  connection.onDocumentFormatting(async (params) => {
    const { formatting } = await settingsOf(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    const big = document && largeOf(document);
    if (big) return big.format(document.getText(), formatting);
    return withDocument(params.textDocument.uri, (d) => service.format(d, formatting), []);
  });

  connection.onHover((params) =>
    withDocument(
      params.textDocument.uri,
      (d) => {
        const hover = service.hover(d, params.position, schema.current);
        return hover ? toLspHover(hover) : null;
      },
      null,
      params.position,
    ),
  );
  connection.onCompletion((params) =>
    withDocument(
      params.textDocument.uri,
      (d) => service.complete(d, params.position, schema.current).map(toLspCompletionItem),
      [],
      params.position,
    ),
  );

  connection.onCodeLens(async (params) => {
    await firstChecks.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!document || recordLenses.length === 0) return [];
    const big = largeOf(document);
    const anchors = big ? big.recordAnchors(document.getText()) : service.findRecordAnchors(current(document));
    return toRecordCodeLenses(document.uri, anchors, recordLenses);
  });

  documents.listen(connection);
  connection.listen();
}
