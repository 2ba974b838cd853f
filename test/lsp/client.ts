import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  CompletionRequest,
  CompletionTriggerKind,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_LAUNCHER, launchArguments, serverEnvironment } from '../../server/src/lsp/launch';

const LAUNCHER = join(__dirname, '..', '..', 'dist', SERVER_LAUNCHER);

/**
 * A real LSP client talking to the built server (dist/serverLauncher.js running dist/server.js) over stdio, the
 * way an editor does. Tests drive every feature through it.
 */
export class LspClient {
  private readonly waiters: {
    uri: string;
    version: number | undefined;
    resolve: (d: PublishDiagnosticsParams) => void;
  }[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private versions = new Map<string, number>();
  /** What the server answered to initialize (its capabilities). */
  initializeResult: InitializeResult | undefined;

  private constructor(
    private readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
  }

  /**
   * Starts the server and completes the initialize handshake; `configuration` answers
   * workspace/configuration (settings by section, or a function of the item asked for, with its
   * section and scopeUri), `initializationOptions` goes with initialize as an editor's client sends it,
   * and `codeCacheFolder` is where the server keeps its V8 code cache (none when undefined).
   */
  static async start(
    configuration: Record<string, unknown> | ((item: { section?: string; scopeUri?: string }) => unknown) = {},
    initializationOptions?: unknown,
    codeCacheFolder?: string,
  ): Promise<LspClient> {
    // Started as the extension's client starts it (client/src/nodeClient.ts), over stdio.
    const child = spawn(process.execPath, [LAUNCHER, ...launchArguments(codeCacheFolder), '--stdio'], {
      stdio: 'pipe',
      env: serverEnvironment(process.env),
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const answer =
      typeof configuration === 'function'
        ? configuration
        : (item: { section?: string }) => (item.section ? (configuration[item.section] ?? null) : null);
    connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map(answer),
    );
    connection.listen();
    const client = new LspClient(child, connection);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server's process id, for measuring it. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Opens a document and waits (at most `timeoutMs`) for its first diagnostics. */
  async open(uri: string, text: string, timeoutMs?: number): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'ldif', version: 1, text },
    });
    return (await published).diagnostics;
  }

  /** Replaces a range of the document (an incremental change) and waits for the new diagnostics. */
  async edit(
    uri: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
    timeoutMs?: number,
  ): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version, timeoutMs);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return (await published).diagnostics;
  }

  /** Waits for diagnostics published for a document version (any version when undefined), at most `timeoutMs`. */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        version,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  /** textDocument/hover at a position. */
  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** textDocument/documentSymbol: the outline (this server answers with DocumentSymbols). */
  async symbols(uri: string): Promise<DocumentSymbol[]> {
    return ((await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ??
      []) as DocumentSymbol[];
  }

  /** textDocument/foldingRange. */
  async folding(uri: string): Promise<FoldingRange[]> {
    return (await this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  /** textDocument/completion at a position, as if `triggerCharacter` was typed (invoked explicitly when undefined). */
  async complete(
    uri: string,
    position: { line: number; character: number },
    triggerCharacter?: string,
  ): Promise<CompletionItem[]> {
    const context = triggerCharacter
      ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter }
      : { triggerKind: CompletionTriggerKind.Invoked };
    const result: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context,
    });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}
