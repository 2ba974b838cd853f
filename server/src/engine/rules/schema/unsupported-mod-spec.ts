import type { ModSpec } from '../../ldif/ast';
import { NO_VALUES_GIVEN, UNKNOWN_MODIFY_OPERATION } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, USER_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/unsupported-mod-spec',
  group: 'schema',
  severity: 'error',
  summary:
    'A mod-spec 389-DS refuses while reading the request: increment: (no RFC 4525 support) or add: without values (answers 2).',
  server:
    '389-DS does not implement the increment: operation of RFC 4525: it refuses the whole modify with 2 (Protocol error), "unrecognized modify operation". An add: mod-spec without values is refused with 2, "no values given". Either way nothing of the modify is applied, and nothing else in it is checked.',
  example: [USER_DN, 'changetype: modify', 'increment: uidNumber', 'uidNumber: 1', '-'],
  exampleSchema: exampleSchema(['uidNumber']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/** `increment:` and value-less `add:` fail while the server reads the request: nothing else is looked at. */
export function findUnsupportedModSpecs(specs: readonly ModSpec[]): Finding[] {
  const found: Finding[] = [];
  for (const spec of specs) {
    if (spec.op === 'increment')
      found.push({
        check: meta,
        answer: UNKNOWN_MODIFY_OPERATION,
        range: spec.header.nameRange,
        problem:
          '389-DS does not implement increment: (RFC 4525), so it refuses the whole modify. Use replace: with the new value.',
      });
    else if (spec.op === 'add' && spec.values.length === 0)
      found.push({
        check: meta,
        answer: NO_VALUES_GIVEN,
        range: spec.header.valueRange,
        problem: `"add: ${spec.attribute}" gives no values, and 389-DS refuses an add of nothing. Add "${spec.attribute}: <value>" lines, or use replace: to set values.`,
      });
  }
  return found;
}
