import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { Diagnostic, Fix, Severity } from '../ldif/ast';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The engine's diagnostic as LSP; its fixes travel in `data` so code actions need no re-validation. */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'winsync-ldif',
    message: diagnostic.message,
    ...(diagnostic.fixes?.length ? { data: { fixes: diagnostic.fixes } } : {}),
  };
}

/** Quick fixes carried by the diagnostics the client sends back with a code-action request. */
export function toCodeActions(uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    const fixes = (diagnostic.data as { fixes?: Fix[] } | undefined)?.fixes ?? [];
    return fixes.map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.preferred ?? false,
      edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
    }));
  });
}
