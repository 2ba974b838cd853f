import type { Rule } from '../types';
import { attributeName } from './attributeName';
import { effectiveGroupFilter } from './effectiveGroupFilter';
import { invalidBoolean } from './invalidBoolean';
import { invalidEnum } from './invalidEnum';
import { invalidInteger } from './invalidInteger';
import { invalidSchedule } from './invalidSchedule';
import { singleValued } from './singleValued';
import { userAttrFormat } from './userAttrFormat';

/** Rules on the values of catalog attributes. */
export const VALUE_RULES: readonly Rule[] = [
  invalidEnum,
  invalidBoolean,
  invalidInteger,
  invalidSchedule,
  attributeName,
  userAttrFormat,
  effectiveGroupFilter,
  singleValued,
];
