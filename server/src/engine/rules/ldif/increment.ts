import type { ModSpec } from '../../ldif/ast';
import { describeAnswer, UNKNOWN_MODIFY_OPERATION } from '../../schema/answers';
import type { Finding as ServerFinding } from '../../schema/findings';
import type { FindingRuleMeta, RecordRule } from '../types';
import { USER_DN } from '../support/examples';

/** `increment:` (RFC 4525): valid LDIF, which 389-DS 2.3 does not implement. */
const meta = {
  code: 'ldif/increment',
  group: 'structure',
  severity: 'warning',
  summary: 'An increment: mod-spec, which 389-DS 2.3 refuses.',
  server:
    'LDIF allows increment: (RFC 4525) and ldapmodify sends it, but 389-DS 2.3 refuses the whole modify with 2 (Protocol error) "unrecognized modify operation" while it reads the request: nothing of it is applied or checked. Other servers (OpenLDAP) implement it.',
  example: [USER_DN, 'changetype: modify', 'increment: uidNumber', 'uidNumber: 1', '-'],
} satisfies FindingRuleMeta;

export default {
  meta,
  scope: 'record',
  check: ({ record }) =>
    findIncrements(record.modifications).map((finding) => ({
      range: finding.range ?? record.modifications[0].header.nameRange,
      message: `${finding.problem} 389-DS answers ${describeAnswer(finding.answer)}.`,
    })),
} satisfies RecordRule;

/** Each increment: mod-spec, with what 389-DS answers: the schema check plays it first, as the server does. */
export function findIncrements(specs: readonly ModSpec[]): ServerFinding[] {
  const found: ServerFinding[] = [];
  for (const spec of specs) {
    if (spec.op !== 'increment') continue;
    found.push({
      check: meta,
      answer: UNKNOWN_MODIFY_OPERATION,
      range: spec.header.nameRange,
      problem: `389-DS 2.3 does not implement increment: (RFC 4525), so it refuses the whole modify${specs.length > 1 ? ', its other mod-specs too' : ''}. Read the value and write it with replace: ${spec.attribute || '<attribute>'}.`,
    });
  }
  return found;
}
