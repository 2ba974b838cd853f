/**
 * What only a modify played on the live entry can show (the dry run's case): a value or
 * attribute to delete that the entry does not have, and an RDN value removed.
 */
import type { Range } from '../../ldif/ast';
import { NOT_ALLOWED_ON_RDN, NO_SUCH_VALUE } from '../answers';
import type { Finding, SchemaCheckInfo } from './types';

export const noSuchValue: SchemaCheckInfo = {
  code: 'schema/no-such-value',
  severity: 'error',
  summary: 'A modify deletes a value or attribute the entry does not have (389-DS answers 16).',
};

export const rdnValueRemoved: SchemaCheckInfo = {
  code: 'schema/rdn-value-removed',
  severity: 'error',
  summary: "A modify removes a value of the entry's RDN (389-DS answers 67).",
};

export function noSuchValueFinding(name: string, value: string | undefined, range: Range): Finding {
  const what = value === undefined ? `no ${name}` : `no ${name} value "${value}"`;
  return { check: noSuchValue, answer: NO_SUCH_VALUE, range, problem: `The entry has ${what} to delete.` };
}

export function rdnValueRemovedFinding(range: Range | undefined): Finding {
  return {
    check: rdnValueRemoved,
    answer: NOT_ALLOWED_ON_RDN,
    range,
    problem: "The modify removes a value of the entry's RDN: rename the entry (modrdn) first, or keep the value.",
  };
}
