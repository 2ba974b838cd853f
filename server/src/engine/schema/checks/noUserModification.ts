import type { Range } from '../../ldif/ast';
import { ACCEPTED, ONLY_NO_USER_MODIFICATION } from '../answers';
import type { Finding, SchemaCheckInfo } from './types';

export const noUserModification: SchemaCheckInfo = {
  code: 'schema/no-user-modification',
  severity: 'warning',
  summary: 'A NO-USER-MODIFICATION attribute: 389-DS silently drops it (a modify of nothing else is refused with 53).',
};

/** The server drops the line silently; `alone` when every mod-spec of the modify is such an attribute. */
export function noUserModificationFinding(name: string, range: Range | undefined, alone: boolean): Finding {
  const dropped = `${name} is NO-USER-MODIFICATION in the server's schema: only the server writes it, and 389-DS silently drops what a client sends for it.`;
  if (!alone)
    return {
      check: noUserModification,
      answer: ACCEPTED,
      range,
      problem: `${dropped} Remove it; the rest of the operation goes through without it.`,
    };
  return {
    check: noUserModification,
    answer: ONLY_NO_USER_MODIFICATION,
    range,
    severity: 'error',
    problem: `${dropped} This modify changes nothing else, so the server refuses it.`,
  };
}
