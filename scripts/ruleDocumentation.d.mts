import type { Plugin } from 'esbuild';

/** The properties of a rule's metadata that the bundles leave out. */
export declare const DOCUMENTATION_ONLY: ReadonlySet<string>;
/** Leaves them out of the rule files it loads. */
export declare const ruleDocumentation: Plugin;
