import type { Rule } from '../types';

/** Rules of the consistency group. */
export const CONSISTENCY_RULES: readonly Rule[] = [];
