/**
 * The shape of the agreement status catalog (agreementStatus.ts). zod checks the data when the
 * bundles are built (scripts/build.mjs) and in the tests, so the bundles do not carry zod.
 */
import { z } from 'zod';
import { AgreementKindSchema, type AgreementKind } from './schema';

export { AgreementKindSchema, type AgreementKind };

export const StatusSpaceSchema = z.enum(['ldap', 'replication', 'connection']);
export type StatusSpace = z.infer<typeof StatusSpaceSchema>;

/** How bad an outcome is: `ok` counts as a succeeded update (the CLI's exit code 0). */
export const StatusSeveritySchema = z.enum(['ok', 'info', 'warning', 'error']);
export type StatusSeverity = z.infer<typeof StatusSeveritySchema>;

export const StatusOutcomeSchema = z.object({
  /**
   * Which number it is about: the LDAP result (`ldap_rc`), the replication protocol's (`repl_rc`),
   * or the connection's (`conn_rc`, only in "Error (N) connection error: …" of a total update).
   */
  space: StatusSpaceSchema,
  /** The numbers it covers; any number when left out (then `messageIncludes` decides). */
  codes: z.array(z.number().int()).min(1).optional(),
  /** Only when the status text contains this (case-insensitive): the same number can mean two things. */
  messageIncludes: z.string().min(1).optional(),
  /** Only for these agreements (default: both kinds). */
  kinds: z.array(AgreementKindSchema).min(1).optional(),
  /** Only for this status attribute (default: both). */
  status: z.enum(['update', 'init']).optional(),
  severity: StatusSeveritySchema,
  /** A few words, e.g. "Bad sync credentials". */
  title: z.string().min(1),
  /** What happened and why, as the admin needs it. */
  cause: z.string().min(1),
  /** What to do. */
  fix: z.string().min(1),
  /** Where the facts come from. */
  source: z.string().min(1),
  /** This status was seen for real (winsync lab, test/sync; research/samba-winsync), not only read in code. */
  observed: z.boolean(),
});
export type StatusOutcome = z.infer<typeof StatusOutcomeSchema>;

export const AgreementStatusCatalogSchema = z.object({
  outcomes: z.array(StatusOutcomeSchema).min(1),
  /** When no outcome matches: a failure whose number we have no advice for. */
  unknownFailure: z.object({ cause: z.string().min(1), fix: z.string().min(1) }),
  /** Facts every reader of these attributes must know, shown with the status. */
  caveats: z.object({
    /** The attributes live in memory only. */
    inMemory: z.string().min(1),
    /** A Windows agreement's status does not cover DirSync (AD → directory). */
    dirsyncBlind: z.string().min(1),
  }),
});
export type AgreementStatusCatalog = z.infer<typeof AgreementStatusCatalogSchema>;
