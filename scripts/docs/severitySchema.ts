/**
 * The `propertyNames` schema of the `winsyncLdif.severity` setting in package.json: every
 * diagnostic code of the engine's CODES, with its summary, so settings.json completes and checks
 * the keys. Pure: test/docs/manifest.test.ts rebuilds it and compares it with package.json.
 */
import type { RuleMeta } from '../../server/src/engine/rules/types';

type CodeInfo = Pick<RuleMeta, 'severity' | 'group' | 'summary'>;

export const SEVERITY_SETTING = 'winsyncLdif.severity';

export interface PropertyNamesSchema {
  readonly enum: readonly string[];
  readonly markdownEnumDescriptions: readonly string[];
  readonly errorMessage: string;
}

/** Codes in alphabetical order (the order completion shows), each described by its summary and default. */
export function severityPropertyNames(codes: Readonly<Record<string, CodeInfo>>): PropertyNamesSchema {
  const sorted = Object.keys(codes).sort();
  return {
    enum: sorted,
    markdownEnumDescriptions: sorted.map(
      (code) => `${codes[code].summary} (default: \`${codes[code].severity}\`, group \`${codes[code].group}\`)`,
    ),
    errorMessage:
      'Not a diagnostic code of winsync-ldif: the codes are listed in the README and shown in the Problems panel.',
  };
}

/** package.json's text with the setting's propertyNames replaced, formatted as npm writes it. */
export function spliceSeverityPropertyNames(packageJson: string, propertyNames: PropertyNamesSchema): string {
  const manifest = JSON.parse(packageJson);
  const setting = manifest.contributes?.configuration?.properties?.[SEVERITY_SETTING];
  if (!setting) throw new Error(`package.json has no ${SEVERITY_SETTING} setting`);
  setting.propertyNames = propertyNames;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
