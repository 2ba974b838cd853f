/**
 * Every schema check, in the order the server meets the problems, and their codes for the
 * rules registry (group `schema`). This module imports no rule code, so the registry can import it.
 */
import type { RuleMeta } from '../../rules/types';
import { duplicateValue } from './duplicateValue';
import { invalidSyntax } from './invalidSyntax';
import { missingMust } from './missingMust';
import { noObjectClass } from './noObjectClass';
import { notAllowed } from './notAllowed';
import { noUserModification } from './noUserModification';
import { noSuchValue, rdnValueRemoved } from './playedModify';
import { singleValue } from './singleValue';
import type { SchemaCheckInfo } from './types';
import { unknownAttribute } from './unknownAttribute';
import { unknownObjectClass } from './unknownObjectClass';
import { unsupportedModSpec } from './unsupportedModSpec';

export const SCHEMA_CHECKS: readonly SchemaCheckInfo[] = [
  unsupportedModSpec,
  noUserModification,
  duplicateValue,
  noSuchValue,
  noObjectClass,
  unknownObjectClass,
  missingMust,
  unknownAttribute,
  notAllowed,
  singleValue,
  invalidSyntax,
  rdnValueRemoved,
];

/** The schema codes for the rules registry: group `schema`, on only while a schema is loaded. */
export const SCHEMA_CODES: Readonly<Record<string, RuleMeta>> = Object.fromEntries(
  SCHEMA_CHECKS.map((check) => [
    check.code,
    { code: check.code, severity: check.severity, group: 'schema', summary: check.summary, server: check.summary },
  ]),
);
