import { requireAttribute } from '../support/catalogValues';
import { matchChoice, requireChoice } from '../../catalog/semantics';
import type { Finding, RecordRule } from '../types';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** winSyncMoveAction: delete, which the 389 design page advises against (seed 002, "Consistency Issues"). */
export default {
  meta: {
    code: 'winsync/move-action-delete',
    group: 'consistency',
    severity: 'warning',
    summary: 'winSyncMoveAction: delete removes directory entries without a matching deletion in AD.',
    server:
      'With delete, winsync deletes the directory entry of every user or group that DirSync reports outside the synced AD subtree, although nothing was deleted in AD. DirSync scans the whole AD suffix, so this can remove many entries.',
    example: replaceExample(AGREEMENT_DN, 'winSyncMoveAction', 'delete'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind !== 'agreement') return [];
    const spec = requireAttribute(catalog, 'winSyncMoveAction');
    const remove = requireChoice(spec, 'delete');
    const alternatives = [requireChoice(spec, 'none'), requireChoice(spec, 'unsync')];
    const found: Finding[] = [];
    for (const { line, op } of entry.writes) {
      if (op === 'delete' || line.value === undefined || line.name.toLowerCase() !== spec.name.toLowerCase()) continue;
      if (matchChoice(spec, line.value)?.value !== remove) continue;
      found.push({
        range: line.valueRange,
        message: `With winSyncMoveAction: delete, every AD entry that DirSync reports outside the synced AD subtree makes winsync delete the directory entry with the same user or group name — although nothing was deleted in AD, and even if the two were never in sync. DirSync scans the whole AD suffix, so this can remove many entries. Use ${alternatives[0]} (the default) or ${alternatives[1]} unless you need the behaviour of 389-DS 1.2.6–1.2.10.`,
        fixes: alternatives.map((choice, index) => ({
          title: `Change to "${choice}"`,
          edits: [{ range: line.valueRange, newText: choice }],
          preferred: index === 0,
        })),
      });
    }
    return found;
  },
} satisfies RecordRule;
