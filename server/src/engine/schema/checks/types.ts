import type { Range, Severity } from '../../ldif/ast';
import type { ServerAnswer } from '../answers';

/** A schema check's metadata: stable code, default severity, one-line summary (docs, settings, SARIF). */
export interface SchemaCheckInfo {
  readonly code: `schema/${string}`;
  readonly severity: Severity;
  readonly summary: string;
}

/** One problem a check found, before it becomes a diagnostic. */
export interface Finding {
  readonly check: SchemaCheckInfo;
  /** What 389-DS answers when this is the first problem it meets in the operation. */
  readonly answer: ServerAnswer;
  /**
   * Where in the record; undefined when the problem is in the entry as it was before the
   * record (the dry run reads it) or in a value the server adds itself.
   */
  readonly range: Range | undefined;
  /** What is wrong and what would be right, as one or two sentences. */
  readonly problem: string;
  /** When it differs from the check's default (a NO-USER-MODIFICATION mod alone is refused, not dropped). */
  readonly severity?: Severity;
  /** The entry was already so before the record (a dry run finding about the live entry). */
  readonly preexisting?: boolean;
}
