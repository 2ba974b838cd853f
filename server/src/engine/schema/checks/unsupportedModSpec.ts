import type { Range } from '../../ldif/ast';
import { NO_VALUES_GIVEN, UNKNOWN_MODIFY_OPERATION } from '../answers';
import type { Finding, SchemaCheckInfo } from './types';

export const unsupportedModSpec: SchemaCheckInfo = {
  code: 'schema/unsupported-mod-spec',
  severity: 'error',
  summary:
    'A mod-spec 389-DS refuses while reading the request: increment: (no RFC 4525 support) or add: without values (answers 2).',
};

export function incrementFinding(range: Range): Finding {
  return {
    check: unsupportedModSpec,
    answer: UNKNOWN_MODIFY_OPERATION,
    range,
    problem:
      '389-DS does not implement increment: (RFC 4525), so it refuses the whole modify. Use replace: with the new value.',
  };
}

export function noValuesFinding(attribute: string, range: Range): Finding {
  return {
    check: unsupportedModSpec,
    answer: NO_VALUES_GIVEN,
    range,
    problem: `"add: ${attribute}" gives no values, and 389-DS refuses an add of nothing. Add "${attribute}: <value>" lines, or use replace: to set values.`,
  };
}
