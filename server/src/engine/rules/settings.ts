import type { Severity } from '../ldif/ast';
import type { RuleGroup } from './types';

/** User settings that shape validation (`winsyncLdif.*` in VS Code, flags in the CLI). */
export interface ValidationSettings {
  /** Per-code severity, or `off` to drop the code. */
  readonly severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Groups whose codes are dropped. */
  readonly disabledGroups?: readonly RuleGroup[];
  /** At most this many diagnostics per document; the rest are summarised in one. */
  readonly maxDiagnostics?: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;
