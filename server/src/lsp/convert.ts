import {
  CodeAction,
  CodeActionKind,
  type CodeLens,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem as LspCompletionItem,
  type Hover as LspHover,
  DiagnosticSeverity,
  FoldingRangeKind,
  SymbolKind,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol as LspDocumentSymbol,
  type FoldingRange as LspFoldingRange,
} from 'vscode-languageserver';
import type { Diagnostic, Fix, Severity } from '../engine/ldif/ast';
import { ruleDocUrl } from '../engine/rules/docs';
import { report } from '../engine/rules/validate';
import checkFailed, { checkFailedMessage } from '../engine/rules/winsync/check-failed';
import type { DocumentSymbol, SymbolKind as EngineSymbolKind } from '../engine/features/symbols';
import type { FoldingRange } from '../engine/features/folding';
import type { Hover } from '../engine/features/hover';
import type { CompletionItem, CompletionKind } from '../engine/features/completion';
import type { RecordAnchor } from '../engine/features/recordAnchors';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The engine's diagnostic as LSP, linked to its code's documentation page; its fixes travel in
 * `data` so code actions need no re-validation.
 */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: ruleDocUrl(diagnostic.code) },
    source: 'winsync-ldif',
    message: diagnostic.message,
    ...(diagnostic.fixes?.length ? { data: { fixes: diagnostic.fixes } } : {}),
  };
}

/** The diagnostic that takes the place of a document's diagnostics when checking it failed. */
export function checkFailedDiagnostic(error: unknown): LspDiagnostic {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const message = checkFailedMessage(error instanceof Error ? error.message : String(error));
  return toLspDiagnostic(report(checkFailed.meta, { range, message }));
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

const SYMBOL_KIND: Record<EngineSymbolKind, SymbolKind> = {
  record: SymbolKind.Object,
  changetype: SymbolKind.Event,
  control: SymbolKind.Key,
  modspec: SymbolKind.Method,
  attribute: SymbolKind.Property,
};

export function toLspSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toLspSymbol),
  };
}

export function toLspFoldingRange(range: FoldingRange): LspFoldingRange {
  return {
    startLine: range.startLine,
    endLine: range.endLine,
    kind: range.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  };
}

export function toLspHover(hover: Hover): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

/**
 * Asks the editor to suggest again as if the user had typed (`auto`): with the `smart` Enter the
 * extension sets for LDIF, Enter then starts a new line once the value typed matches an item,
 * where an explicitly invoked list would take Enter for accepting the item unchanged.
 */
const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest', arguments: [{ auto: true }] };

/** Plain-text insertion (snippet syntax for snippets); `retrigger` asks the editor to suggest again (e.g. values after `name: `). */
export function toLspCompletionItem(item: CompletionItem): LspCompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    insertTextFormat: item.kind === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(item.range ? { textEdit: { range: item.range, newText: item.insertText } } : { insertText: item.insertText }),
    ...(item.retrigger ? { command: SUGGEST_AGAIN } : {}),
  };
}

/** A lens the client shows above every record: its title, tooltip and the command it runs with (uri, record index). */
export interface RecordLens {
  readonly title: string;
  readonly tooltip: string;
  readonly command: string;
}

/** The record lenses from the client's initializationOptions (`{ recordLenses: RecordLens[] }`); none when absent or malformed. */
export function readRecordLenses(options: unknown): RecordLens[] {
  const lenses = (options as { recordLenses?: unknown } | null | undefined)?.recordLenses;
  if (!Array.isArray(lenses)) return [];
  return lenses.filter(
    (lens): lens is RecordLens =>
      typeof lens === 'object' &&
      lens !== null &&
      ['title', 'tooltip', 'command'].every((key) => typeof (lens as Record<string, unknown>)[key] === 'string'),
  );
}

/** Each lens above each record, at the start of its anchor line; the command gets the document URI and the record's index. */
export function toRecordCodeLenses(
  uri: string,
  anchors: readonly RecordAnchor[],
  lenses: readonly RecordLens[],
): CodeLens[] {
  return anchors.flatMap(({ index, line }) =>
    lenses.map((lens) => ({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: lens.title, tooltip: lens.tooltip, command: lens.command, arguments: [uri, index] },
    })),
  );
}
