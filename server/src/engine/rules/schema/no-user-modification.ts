import type { Range } from '../../ldif/ast';
import { ACCEPTED, ONLY_NO_USER_MODIFICATION } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, replaceSpec, USER_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/no-user-modification',
  group: 'schema',
  severity: 'warning',
  stricter: {
    severity: 'error',
    when: 'every mod-spec of a modify names one: 389-DS refuses such a modify with 53',
  },
  summary: 'A NO-USER-MODIFICATION attribute: 389-DS silently drops it (a modify of nothing else is refused with 53).',
  server:
    'Only the server writes a NO-USER-MODIFICATION attribute (modifyTimestamp, creatorsName, entryUSN, ...). 389-DS silently drops what a client sends for one, on add and on modify, and the rest of the operation goes through (0, success). A modify whose mod-specs are all such attributes is refused with 53 (Unwilling to perform), with no message.',
  example: [
    USER_DN,
    'changetype: modify',
    ...replaceSpec('description', 'on leave'),
    ...replaceSpec('modifyTimestamp', '20240101000000Z'),
  ],
  exampleSchema: exampleSchema(['description', 'modifyTimestamp']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/** The server drops the line silently; `alone` when every mod-spec of the modify is such an attribute. */
export function noUserModificationFinding(name: string, range: Range | undefined, alone: boolean): Finding {
  const dropped = `${name} is NO-USER-MODIFICATION in the server's schema: only the server writes it, and 389-DS silently drops what a client sends for it.`;
  if (!alone)
    return {
      check: meta,
      answer: ACCEPTED,
      range,
      problem: `${dropped} Remove it; the rest of the operation goes through without it.`,
    };
  return {
    check: meta,
    answer: ONLY_NO_USER_MODIFICATION,
    range,
    severity: meta.stricter.severity,
    problem: `${dropped} This modify changes nothing else, so the server refuses it.`,
  };
}
