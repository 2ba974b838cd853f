import type { Rule } from '../types';

/** Rules of the syntax group. */
export const SYNTAX_RULES: readonly Rule[] = [];
