import type { ModSpec } from '../../ldif/ast';
import { describeAnswer, NO_VALUES_GIVEN } from '../../schema/answers';
import type { Finding as ServerFinding } from '../../schema/findings';
import type { FindingRuleMeta, RecordRule } from '../types';
import { USER_DN } from '../support/examples';

/** `add:` without a value line: meaningless, and tools disagree on it. */
const meta = {
  code: 'ldif/add-without-values',
  group: 'structure',
  severity: 'warning',
  summary: 'An add: mod-spec has no value lines.',
  server:
    'ldapmodify silently leaves such a mod-spec out; sent over LDAP (winsync-ldif apply, other tools) 389-DS refuses the whole modify with 2 (Protocol error) "no values given". (replace: without values removes the attribute, and delete: without values deletes it: both are fine.)',
  example: [USER_DN, 'changetype: modify', 'add: mail', '-'],
} satisfies FindingRuleMeta;

export default {
  meta,
  scope: 'record',
  check: ({ record }) =>
    findAddsWithoutValues(record.modifications).map((finding) => ({
      range: finding.range ?? record.modifications[0].header.line.range,
      message: `${finding.problem} 389-DS answers ${describeAnswer(finding.answer)}.`,
    })),
} satisfies RecordRule;

/** Each add: mod-spec without values, with what 389-DS answers: the schema check plays it first, as the server does. */
export function findAddsWithoutValues(specs: readonly ModSpec[]): ServerFinding[] {
  const found: ServerFinding[] = [];
  for (const spec of specs) {
    if (spec.op !== 'add' || spec.values.length > 0 || spec.attribute === '') continue;
    found.push({
      check: meta,
      answer: NO_VALUES_GIVEN,
      range: spec.header.valueRange,
      problem: `"add: ${spec.attribute}" has no value lines: ldapmodify silently leaves it out, and over LDAP the server refuses the whole modify. Add "${spec.attribute}: <value>" lines, or remove the mod-spec.`,
    });
  }
  return found;
}
