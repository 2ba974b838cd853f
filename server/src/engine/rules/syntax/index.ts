import type { Rule } from '../types';
import { dnSyntax } from './dnSyntax';
import { filterSyntax } from './filterSyntax';
import { localFile } from './localFile';
import { mustBase64 } from './mustBase64';
import { trailingSpace } from './trailingSpace';

/** Rules of the syntax group: LDIF encoding, DNs and filters. */
export const SYNTAX_RULES: readonly Rule[] = [mustBase64, trailingSpace, dnSyntax, filterSyntax, localFile];
