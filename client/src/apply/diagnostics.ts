/**
 * Results on the records themselves: a "winsync-ldif apply" diagnostic on each failed or
 * unconfirmed record (dry run: on each record that would fail), replaced by the next run and
 * cleared by the next edit of the document.
 */
import {
  Diagnostic,
  DiagnosticSeverity,
  languages,
  Range,
  workspace,
  type Disposable,
  type TextDocument,
} from 'vscode';
import type { RecordProblem } from './resultDiagnostics';

export const APPLY_DIAGNOSTIC_SOURCE = 'winsync-ldif apply';

export class ApplyDiagnostics implements Disposable {
  private readonly collection = languages.createDiagnosticCollection(APPLY_DIAGNOSTIC_SOURCE);
  private readonly listener = workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length > 0) this.collection.delete(event.document.uri);
  });

  /** Shows `problems` on `document`, unless it was edited since `version` (the lines may have moved). */
  show(document: TextDocument, version: number, problems: readonly RecordProblem[]): boolean {
    this.collection.delete(document.uri);
    if (document.version !== version) return false;
    this.collection.set(
      document.uri,
      problems.map((problem) => {
        const line = document.lineAt(Math.min(problem.line, document.lineCount - 1));
        const diagnostic = new Diagnostic(
          new Range(line.range.start, line.range.end),
          problem.message,
          problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        );
        diagnostic.source = APPLY_DIAGNOSTIC_SOURCE;
        diagnostic.code = problem.code;
        return diagnostic;
      }),
    );
    return true;
  }

  clear(document: TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
