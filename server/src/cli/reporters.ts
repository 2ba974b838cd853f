import type { Writable } from 'node:stream';
import type { Diagnostic, Severity } from '../engine/ldif/ast';
import { CODES } from '../engine/rules';
import { ruleDocUrl } from '../engine/rules/docs';
import { write } from './io';

export type ReportFormat = 'text' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Receives diagnostics file by file, as they are found, and writes them in one format. */
export interface Reporter {
  report(file: string, diagnostics: readonly Diagnostic[]): Promise<void>;
  finish(): Promise<void>;
}

export function createReporter(format: ReportFormat, out: Writable): Reporter {
  switch (format) {
    case 'text':
      return textReporter(out);
    case 'json':
      return jsonReporter(out);
    case 'sarif':
      return sarifReporter(out);
  }
}

/** `file:line:col: severity code message`, 1-based. */
function textReporter(out: Writable): Reporter {
  return {
    async report(file, diagnostics) {
      // One write per piece of the file, not one per line: a sweep of many small files writes thousands.
      if (diagnostics.length === 0) return;
      await write(
        out,
        diagnostics
          .map(
            (d) =>
              `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${oneLine(d.message)}\n`,
          )
          .join(''),
      );
    },
    async finish() {},
  };
}

/** One JSON array, written element by element. */
function jsonReporter(out: Writable): Reporter {
  let count = 0;
  return {
    async report(file, diagnostics) {
      for (const d of diagnostics) {
        const item = {
          file,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: d.severity,
          code: d.code,
          message: d.message,
        };
        await write(out, `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(item)}`);
      }
    },
    async finish() {
      await write(out, count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning uploads; results streamed, rules listed at the end. */
function sarifReporter(out: Writable): Reporter {
  let count = 0;
  const used = new Set<string>();
  return {
    async report(file, diagnostics) {
      for (const d of diagnostics) {
        used.add(d.code);
        const result = {
          ruleId: d.code,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(file) },
                region: {
                  startLine: d.range.start.line + 1,
                  startColumn: d.range.start.character + 1,
                  endLine: d.range.end.line + 1,
                  endColumn: d.range.end.character + 1,
                },
              },
            },
          ],
        };
        if (count++ === 0) {
          await write(
            out,
            '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [\n',
          );
        } else await write(out, ',\n');
        await write(out, `        ${JSON.stringify(result)}`);
      }
    },
    async finish() {
      if (count === 0) {
        await write(
          out,
          '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [',
        );
      }
      const rules = [...used].sort().map((code) => ({
        id: code,
        shortDescription: { text: CODES[code]?.summary ?? code },
        helpUri: ruleDocUrl(code),
        defaultConfiguration: { level: SARIF_LEVEL[CODES[code]?.severity ?? 'warning'] },
      }));
      const tool = { driver: { name: 'winsync-ldif', rules } };
      await write(out, `\n      ],\n      "tool": ${JSON.stringify(tool)}\n    }\n  ]\n}\n`);
    },
  };
}

/** Relative paths stay relative (resolved against the checkout by code scanning); absolute ones become file URIs. */
function toUri(file: string): string {
  if (file === '-') return 'stdin';
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return file.startsWith('/') ? `file://${encoded}` : encoded;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
