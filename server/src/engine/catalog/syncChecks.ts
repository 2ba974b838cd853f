/**
 * What the sync tests (test/sync, run against the winsync lab: a Samba AD DC and 389-DS 2.3.1)
 * found about catalog statements: syncChecks.json, kept in step with the catalog and the tests
 * by test/engine/catalog/verified.test.ts. Hover shows them beside the statement they check.
 */
import data from './syncChecks.json';

export type SyncVerdict = 'confirmed' | 'contradicted' | 'qualified';

/** One statement of the catalog checked against a real sync. */
export interface SyncCheck {
  readonly attribute: string;
  /** `doc`, `value:<enum value>`, `default`, `onBadValue.add|modify` or `outcome:<title>`. */
  readonly statement: string;
  /** The exact part of the statement's text the test checks. */
  readonly quote: string;
  readonly verdict: SyncVerdict;
  /** What the real sync did, when it adds to or contradicts the text. */
  readonly observed?: string;
  /** The sync test that checks it. */
  readonly test: string;
}

/** Where the checks were made, for the words around them. */
export const SYNC_LAB = '389-DS 2.3.1 with a Samba 4.17 AD DC';

const byAttribute = new Map<string, SyncCheck[]>();
for (const entry of data.tests)
  for (const check of entry.verifies) {
    const key = check.attribute.toLowerCase();
    const list = byAttribute.get(key) ?? [];
    list.push({ ...(check as Omit<SyncCheck, 'test'>), test: entry.test });
    byAttribute.set(key, list);
  }

/** The statements about this attribute that a sync test checked; empty when none was. */
export function syncChecksOf(attribute: string): readonly SyncCheck[] {
  return byAttribute.get(attribute.toLowerCase()) ?? [];
}
