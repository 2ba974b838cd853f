/**
 * The vocabulary of the snippet spec: a body line is a tagged template whose literal
 * text is copied as is and whose interpolations are parts that the builder resolves
 * against the catalog. Spec files therefore never spell an enum value or a default.
 */

export type Part =
  /** The attribute's canonical spelling from the catalog. */
  | { readonly kind: 'attr'; readonly name: string }
  /**
   * `${n|a,b|}` with the attribute's allowed values (enum) or its boolean words. The first
   * choice is `first` when given (it must be an allowed value), else the catalog default.
   */
  | { readonly kind: 'choice'; readonly tabstop: number; readonly attribute: string; readonly first?: string }
  /** `${n:<catalog default>}`; the attribute must have one. */
  | { readonly kind: 'default'; readonly tabstop: number; readonly attribute: string }
  /** `${n:text}` for things the catalog cannot know (host names, DNs, passwords). */
  | { readonly kind: 'text'; readonly tabstop: number; readonly text: string }
  /** `$n`: repeats what was typed at tab stop n. */
  | { readonly kind: 'mirror'; readonly tabstop: number }
  /**
   * Tab stop n rewritten as an RFC 4514 attribute value (`dc=example,dc=com` becomes
   * `dc\3Dexample\2Cdc\3Dcom`), for the suffix RDN of `cn=replica,cn=<suffix>,cn=mapping tree,cn=config`.
   * VS Code applies the rewrite when the cursor leaves tab stop n.
   */
  | { readonly kind: 'dn-value'; readonly tabstop: number };

/** One body line: literal chunks interleaved with parts (`chunks.length === parts.length + 1`). */
export interface Line {
  readonly chunks: readonly string[];
  readonly parts: readonly (Part | string)[];
}

/** Tag for body lines. Interpolated strings are literal text; parts are resolved by the builder. */
export function l(strings: TemplateStringsArray, ...parts: (Part | string)[]): Line {
  return { chunks: [...strings], parts };
}

export const attr = (name: string): Part => ({ kind: 'attr', name });
export const choice = (tabstop: number, attribute: string, first?: string): Part =>
  first === undefined ? { kind: 'choice', tabstop, attribute } : { kind: 'choice', tabstop, attribute, first };
export const catalogDefault = (tabstop: number, attribute: string): Part => ({ kind: 'default', tabstop, attribute });
export const text = (tabstop: number, value: string): Part => ({ kind: 'text', tabstop, text: value });
export const mirror = (tabstop: number): Part => ({ kind: 'mirror', tabstop });
export const dnValue = (tabstop: number): Part => ({ kind: 'dn-value', tabstop });

export interface SnippetSpec {
  /** The snippet's name: in snippets/ldif.json (Insert Snippet), and the detail of its completion item. */
  readonly name: string;
  /** What to type at the start of a record to get it from completion. */
  readonly prefix: string;
  /** One or two sentences: what the change does and what to watch for. */
  readonly description: string;
  readonly body: readonly Line[];
}
