import type { Range, Severity } from '../ldif/ast';
import type { FindingRuleMeta } from '../rules/types';
import type { ServerAnswer } from './answers';

/**
 * One problem the server's checks meet in a record, before the registry reports it: the checks
 * live in the schema rules (`rules/schema/<name>.ts`) and, for what needs no schema (increment:,
 * add: without values), in the ldif rules; each finding names its rule.
 */
export interface Finding {
  /** The metadata of the rule that found it: its code and default severity. */
  readonly check: FindingRuleMeta;
  /** What 389-DS answers when this is the first problem it meets in the operation. */
  readonly answer: ServerAnswer;
  /**
   * Where in the record; undefined when the problem is in the entry as it was before the
   * record (the dry run reads it) or in a value the server adds itself.
   */
  readonly range: Range | undefined;
  /** What is wrong and what would be right, as one or two sentences. */
  readonly problem: string;
  /** When it differs from the rule's default: its `milder` or `stricter` severity. */
  readonly severity?: Severity;
  /** The entry was already so before the record (a dry run finding about the live entry). */
  readonly preexisting?: boolean;
}
