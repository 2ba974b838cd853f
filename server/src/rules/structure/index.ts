import type { Rule } from '../types';

/** Rules of the structure group. */
export const STRUCTURE_RULES: readonly Rule[] = [];
