/**
 * "Apply" and "Dry run" above every record. The client parses with the engine's parser (fast,
 * and VS Code only asks for visible editors); one parse per document version.
 */
import { CodeLens, EventEmitter, Range, workspace, type CodeLensProvider, type Disposable, type TextDocument } from 'vscode';
import type { LdifDocument } from '@engine/ldif/ast';
import { parseLdif } from '@engine/ldif/parser';

export interface RecordCommands {
  readonly apply: string;
  readonly dryRun: string;
}

export class RecordCodeLenses implements CodeLensProvider, Disposable {
  private readonly parsed = new Map<string, { version: number; document: LdifDocument }>();
  private readonly listener = workspace.onDidCloseTextDocument((document) => this.parsed.delete(document.uri.toString()));
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly trusted = workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  constructor(private readonly commands: RecordCommands) {}

  provideCodeLenses(document: TextDocument): CodeLens[] {
    // Restricted Mode: applying needs trust, so no record offers it.
    if (!workspace.isTrusted) return [];
    return this.parse(document).records.flatMap((record, index) => {
      const line = record.dn?.line.range.start.line ?? record.range.start.line;
      const range = new Range(line, 0, line, 0);
      const args = [document.uri, index];
      return [
        new CodeLens(range, { title: 'Apply', tooltip: 'Apply this record to the active connection profile', command: this.commands.apply, arguments: args }),
        new CodeLens(range, { title: 'Dry run', tooltip: 'Show what this record would change on the server, writing nothing', command: this.commands.dryRun, arguments: args }),
      ];
    });
  }

  /** The parse of the document's current version. */
  parse(document: TextDocument): LdifDocument {
    const key = document.uri.toString();
    const cached = this.parsed.get(key);
    if (cached?.version === document.version) return cached.document;
    const parsed = parseLdif(document.getText());
    this.parsed.set(key, { version: document.version, document: parsed });
    return parsed;
  }

  dispose(): void {
    this.listener.dispose();
    this.trusted.dispose();
    this.changed.dispose();
    this.parsed.clear();
  }
}
