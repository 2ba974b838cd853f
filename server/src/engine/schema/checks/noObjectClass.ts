import type { Range } from '../../ldif/ast';
import { NO_OBJECT_CLASS } from '../answers';
import type { Finding, SchemaCheckInfo } from './types';

export const noObjectClass: SchemaCheckInfo = {
  code: 'schema/no-object-class',
  severity: 'error',
  summary: 'An added entry has no objectClass attribute.',
};

/** The first thing 389-DS checks: an entry without objectClass values. */
export function findNoObjectClass(hasObjectClass: boolean, dnRange: Range | undefined): Finding[] {
  if (hasObjectClass) return [];
  return [
    {
      check: noObjectClass,
      answer: NO_OBJECT_CLASS,
      range: dnRange,
      problem:
        'The entry has no objectClass: every entry needs at least one structural class, e.g. "objectClass: inetOrgPerson".',
    },
  ];
}
