import type { Rule } from '../types';
import { invalidEnum } from './invalidEnum';

/** Rules on the values of catalog attributes. */
export const VALUE_RULES: readonly Rule[] = [invalidEnum];
