import type { Rule } from '../types';
import { bindMethodTransport } from './bindMethodTransport';
import { directorySubtreeOutsideRoot } from './directorySubtreeOutsideRoot';
import { moveActionDelete } from './moveActionDelete';
import { oneWayAcctDisableConflict } from './oneWayAcctDisableConflict';
import { replacedTwice } from './replacedTwice';
import { replicaRootMismatch } from './replicaRootMismatch';
import { subtreePairOverrides } from './subtreePairOverrides';

/** Rules of the consistency group: settings that contradict each other, within a record or across the file. */
export const CONSISTENCY_RULES: readonly Rule[] = [
  replicaRootMismatch,
  bindMethodTransport,
  moveActionDelete,
  replacedTwice,
  oneWayAcctDisableConflict,
  subtreePairOverrides,
  directorySubtreeOutsideRoot,
];
