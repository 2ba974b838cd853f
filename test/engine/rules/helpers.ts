import type { Diagnostic, LdifDocument } from '../../../server/src/engine/ldif/ast';
import { parseLdif } from '../../../server/src/engine/ldif/parser';
import { syntaxDiagnostics } from '../../../server/src/engine/rules/validate';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();

/** Validates LDIF lines (joined with \n) and returns the diagnostics with the given code prefix (all if none). */
export function diagnose(text: string | readonly string[], code?: string): Diagnostic[] {
  const source = typeof text === 'string' ? text : `${text.join('\n')}\n`;
  const found = service.validate(service.parse(source));
  return code === undefined ? found : found.filter((d) => d.code === code);
}

/** The text a diagnostic's range covers, for asserting exact ranges readably. */
export function covered(text: string | readonly string[], diagnostic: Diagnostic): string {
  const lines = (typeof text === 'string' ? text : text.join('\n')).split('\n');
  const { start, end } = diagnostic.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [
    lines[start.line].slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    lines[end.line].slice(0, end.character),
  ].join('\n');
}

export const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';
export const AGREEMENT_DN = 'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

/** A modify of the plugin entry replacing one attribute. */
export function pluginReplace(attribute: string, ...values: string[]): string[] {
  return [PLUGIN_DN, 'changetype: modify', `replace: ${attribute}`, ...values.map((v) => `${attribute}: ${v}`), '-'];
}

/** A modify of the agreement replacing one attribute. */
export function agreementReplace(attribute: string, ...values: string[]): string[] {
  return [AGREEMENT_DN, 'changetype: modify', `replace: ${attribute}`, ...values.map((v) => `${attribute}: ${v}`), '-'];
}

/**
 * Parses LDIF as `parseLdif` does, with the parser's findings worded as diagnostics by their
 * rules: for tests of what a syntax problem says and offers.
 */
export function parseWithDiagnostics(
  text: string,
): Omit<LdifDocument, 'problems'> & { readonly problems: Diagnostic[] } {
  const document = parseLdif(text);
  return { ...document, problems: syntaxDiagnostics(document.problems) };
}
