import { SYNTAX_PROBLEMS } from '../ldif/problems';
import type { CodeInfo, DocumentRule, RecordRule, Rule } from './types';

/** Every rule, in the order their diagnostics are reported. */
export const RULES: readonly Rule[] = [];

export const RECORD_RULES = RULES.filter((rule): rule is RecordRule => rule.scope === 'record');
export const DOCUMENT_RULES = RULES.filter((rule): rule is DocumentRule => rule.scope === 'document');

/** Every diagnostic code the engine can report, with its default severity and group. */
export const CODES: Readonly<Record<string, CodeInfo>> = Object.assign(
  {},
  ...Object.entries(SYNTAX_PROBLEMS).map(([code, info]) => ({ [code]: { ...info, group: 'syntax' } })),
  ...RULES.map((rule) => rule.codes),
);
