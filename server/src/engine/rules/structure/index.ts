import type { Rule } from '../types';
import { agreementIncomplete } from './agreementIncomplete';
import { agreementParent } from './agreementParent';
import { agreementUnknownAttribute } from './agreementUnknownAttribute';
import { attributeCase } from './attributeCase';
import { missingRequired } from './missingRequired';
import { pluginEntryAdd } from './pluginEntryAdd';
import { serverManaged } from './serverManaged';
import { unknownAttribute } from './unknownAttribute';
import { wrongEntry } from './wrongEntry';

/** Rules of the structure group: which attributes belong on which winsync entry, and where the entries live. */
export const STRUCTURE_RULES: readonly Rule[] = [
  agreementParent,
  pluginEntryAdd,
  unknownAttribute,
  agreementUnknownAttribute,
  wrongEntry,
  attributeCase,
  serverManaged,
  missingRequired,
  agreementIncomplete,
];
