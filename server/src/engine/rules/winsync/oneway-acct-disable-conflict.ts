import { parseDn } from '../../dn/dn';
import type { AttrLine } from '../../ldif/ast';
import { requireAttribute } from '../support/catalogValues';
import { matchChoice, requireChoice } from '../../catalog/semantics';
import { entriesInFile, finalValues } from '../support/entriesInFile';
import type { DocumentRule, Finding } from '../types';
import { AGREEMENT_DN, PLUGIN_DN, replaceExample } from '../support/examples';

/** A one-way sync direction and the account-lock direction it never carries. */
interface Direction {
  readonly oneWay: string;
  /** The ipaWinSyncAcctDisable value whose lock changes travel against the one-way direction. */
  readonly blocked: string;
  /** The ipaWinSyncAcctDisable value for the lock changes that still flow. */
  readonly flowing: string;
  /** Where the blocked lock changes would go. */
  readonly target: string;
}

/**
 * ipaWinSyncAcctDisable asking for lock changes in a direction that a one-way agreement
 * in the same file never syncs: those lock changes are silently never sent.
 */
export default {
  meta: {
    code: 'winsync/oneway-acct-disable-conflict',
    group: 'consistency',
    severity: 'warning',
    summary: 'ipaWinSyncAcctDisable syncs account locks in a direction a one-way agreement never sends.',
    server:
      'A one-way agreement never sends changes the other way, so the account-lock changes bound that way are silently dropped; nothing is logged.',
    example: [
      ...replaceExample(PLUGIN_DN, 'ipaWinSyncAcctDisable', 'to_ad'),
      '',
      ...replaceExample(AGREEMENT_DN, 'oneWaySync', 'fromWindows'),
    ],
  },
  scope: 'document',
  check(entries, { catalog }) {
    const acct = requireAttribute(catalog, 'ipaWinSyncAcctDisable');
    const oneWay = requireAttribute(catalog, 'oneWaySync');
    const settings = entriesInFile(entries, 'ipa-winsync').flatMap((plugin) =>
      finalValues(plugin, acct.name).slice(0, 1),
    );
    if (settings.length === 0) return [];
    const directions: Direction[] = [
      {
        oneWay: requireChoice(oneWay, 'fromWindows'),
        blocked: requireChoice(acct, 'to_ad'),
        flowing: requireChoice(acct, 'to_ds'),
        target: 'AD',
      },
      {
        oneWay: requireChoice(oneWay, 'toWindows'),
        blocked: requireChoice(acct, 'to_ds'),
        flowing: requireChoice(acct, 'to_ad'),
        target: 'the directory',
      },
    ];
    const both = requireChoice(acct, 'both');
    const none = requireChoice(acct, 'none');
    const found: Finding[] = [];
    for (const agreement of entriesInFile(entries, 'agreement')) {
      const oneWayLine = finalValues(agreement, oneWay.name)[0];
      const written = oneWayLine?.value === undefined ? undefined : matchChoice(oneWay, oneWayLine.value)?.value;
      const direction = directions.find((d) => d.oneWay === written);
      if (!oneWayLine || !direction) continue;
      const where = `the agreement ${firstRdn(agreement.writtenDn)} syncs one way only (oneWaySync: ${direction.oneWay} on line ${lineNumber(oneWayLine)}), so nothing is ever sent to ${direction.target}`;
      for (const setting of settings) {
        const value = setting.value === undefined ? undefined : matchChoice(acct, setting.value)?.value;
        if (value !== direction.blocked && value !== both) continue;
        const replacement = value === both ? direction.flowing : none;
        const message =
          value === both
            ? `${acct.name}: ${both} asks for account locks to be synced both ways, but ${where}: lock changes bound for it are silently dropped. ${replacement} says what actually happens.`
            : `${acct.name}: ${value} syncs account locks only towards ${direction.target}, but ${where}: this setting silently does nothing. Use ${none}, or make the agreement two-way by removing oneWaySync.`;
        found.push({
          range: setting.valueRange,
          message,
          fixes: [
            {
              title: `Change to "${replacement}"`,
              edits: [{ range: setting.valueRange, newText: replacement }],
              preferred: true,
            },
          ],
        });
      }
    }
    return found;
  },
} satisfies DocumentRule;

function lineNumber(line: AttrLine): number {
  return line.line.range.start.line + 1;
}

function firstRdn(dn: string): string {
  const first = parseDn(dn).rdns[0];
  return first ? dn.slice(first.start, first.end) : dn;
}
