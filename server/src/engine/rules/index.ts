import { SYNTAX_PROBLEMS } from '../ldif/problems';
import type { CodeInfo, DocumentRule, RecordRule, Rule } from './types';
import { CONSISTENCY_RULES } from './consistency';
import { STRUCTURE_RULES } from './structure';
import { SYNTAX_RULES } from './syntax';
import { VALUE_RULES } from './values';
// Issue 16: the schema checks' codes (group `schema`); they report only while a server schema is loaded.
import { SCHEMA_CODES } from '../schema/checks';

/** Every rule, in the order their diagnostics are reported. */
export const RULES: readonly Rule[] = [...SYNTAX_RULES, ...VALUE_RULES, ...STRUCTURE_RULES, ...CONSISTENCY_RULES];

export const RECORD_RULES = RULES.filter((rule): rule is RecordRule => rule.scope === 'record');
export const DOCUMENT_RULES = RULES.filter((rule): rule is DocumentRule => rule.scope === 'document');

/** Diagnostics the engine itself adds (not from a rule). */
const ENGINE_CODES: Readonly<Record<string, CodeInfo>> = {
  'winsync/too-many-diagnostics': {
    severity: 'info',
    group: 'syntax',
    summary: 'More problems were found than the configured maximum; the rest are not shown.',
  },
};

/** Every diagnostic code the engine can report, with its default severity and group. */
export const CODES: Readonly<Record<string, CodeInfo>> = Object.assign(
  {},
  ...Object.entries(SYNTAX_PROBLEMS).map(([code, info]) => ({ [code]: { ...info, group: 'syntax' } })),
  ENGINE_CODES,
  ...RULES.map((rule) => rule.codes),
  SCHEMA_CODES,
);
