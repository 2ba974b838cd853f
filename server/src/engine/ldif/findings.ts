/**
 * What the LDIF parser finds wrong with the text (RFC 2849), as plain data: the code, the range
 * and what the message needs. Each code's rule (`rules/ldif/<name>.ts`) words the message and
 * builds the fixes; the parser only knows where and what.
 */
import type { Range } from './ast';

/** The data each code carries; `undefined` when the range says it all. */
export interface SyntaxFindingData {
  'ldif/missing-dn': undefined;
  'ldif/missing-colon': { readonly text: string };
  'ldif/invalid-attribute-description': { readonly description: string };
  'ldif/orphan-continuation': undefined;
  'ldif/invalid-base64': undefined;
  'ldif/invalid-url': { readonly url: string };
  'ldif/unsupported-url-scheme': { readonly url: string };
  'ldif/unsupported-version': { readonly version: string };
  'ldif/unknown-changetype': { readonly changeType: string };
  'ldif/invalid-control': undefined;
  'ldif/add-without-attributes': undefined;
  'ldif/content-after-delete': undefined;
  /** `changeType`: the changetype as written (modrdn or moddn). */
  'ldif/missing-newrdn': { readonly changeType: string };
  'ldif/missing-deleteoldrdn': undefined;
  'ldif/invalid-deleteoldrdn': { readonly value: string };
  'ldif/unexpected-modrdn-line': { readonly description: string; readonly changeType: string };
  'ldif/unknown-mod-op': { readonly description: string };
  'ldif/missing-mod-attribute': { readonly operation: string };
  /** `operation` and `attribute`: the mod-spec left open; `next`: the line that starts the next one. */
  'ldif/missing-dash': { readonly operation: string; readonly attribute: string; readonly next: string };
  /** `inModify`: the dash is in a modify record, where it follows a closed mod-spec. */
  'ldif/stray-dash': { readonly inModify: boolean };
  'ldif/mod-value-mismatch': { readonly description: string; readonly operation: string; readonly attribute: string };
  'ldif/mixed-records': undefined;
  'ldif/include-directive': undefined;
  /** `spaces`: where each no-break space is; `where`: where the first one is on its line. */
  'ldif/no-break-space': { readonly spaces: readonly Range[]; readonly where: 'name' | 'value-start' | 'value' };
  'ldif/replacement-character': undefined;
  'ldif/whitespace-line': undefined;
}

export type SyntaxCode = keyof SyntaxFindingData;

/** One problem the parser found; `data` is what its code's rule needs to say more than the range. */
export type SyntaxFinding<C extends SyntaxCode = SyntaxCode> = {
  readonly [K in C]: { readonly code: K; readonly range: Range; readonly data: SyntaxFindingData[K] };
}[C];

/** The arguments after the range: the code's data, or nothing for a code without data. */
export type FindingDataArgs<C extends SyntaxCode> = SyntaxFindingData[C] extends undefined
  ? []
  : [SyntaxFindingData[C]];

/** Builds a finding; the data argument is required exactly for the codes that have data. */
export function syntaxFinding<C extends SyntaxCode>(code: C, range: Range, ...data: FindingDataArgs<C>): SyntaxFinding {
  return { code, range, data: data[0] } as SyntaxFinding;
}
