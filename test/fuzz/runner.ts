/**
 * Runs fast-check properties with a run count from the environment: a quick slice in the
 * normal test run, a million inputs under `npm run fuzz` (scripts/fuzz.mjs).
 *
 * - FUZZ_RUNS: runs per property (default: the property's own quick count).
 * - FUZZ_SEED: replay a failure (fast-check prints the seed and path to use).
 * - FUZZ_REPORT: a file to which each property appends "name<TAB>runs", for the totals.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

const configuredRuns = Number(process.env.FUZZ_RUNS) || undefined;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Checks a property `quickRuns` times (or FUZZ_RUNS times) and throws fast-check's report on failure. */
export function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>, quickRuns: number): void {
  settle(name, fc.check(property, runOptions(quickRuns)));
}

/** `checkProperty` for a property whose predicate is asynchronous. */
export async function checkAsyncProperty<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  quickRuns: number,
): Promise<void> {
  settle(name, await fc.check(property, runOptions(quickRuns)));
}

function runOptions(quickRuns: number): fc.Parameters<unknown> {
  return { numRuns: configuredRuns ?? quickRuns, includeErrorInReport: true, ...(seed === undefined ? {} : { seed }) };
}

function settle<Ts>(name: string, details: fc.RunDetails<Ts>): void {
  if (process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, `${name}\t${details.numRuns}\n`);
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details)}`);
}
