import type { AttributeSpec } from '../catalog';
import type { LdifRecord } from '../ldif/ast';

/** The allowed value a written value stands for (the server ignores case), or undefined. */
export function matchChoice(spec: AttributeSpec, value: string): string | undefined {
  if (spec.syntax.kind !== 'enum') return undefined;
  const lower = value.toLowerCase();
  return spec.syntax.values.find((choice) => choice.value.toLowerCase() === lower)?.value;
}

/** An allowed value a rule names on purpose; throws when the attribute's enum lacks it, so a typo fails at once. */
export function requireChoice(spec: AttributeSpec, value: string): string {
  const choice = matchChoice(spec, value);
  if (choice === undefined) throw new Error(`catalog: ${spec.name} has no allowed value ${value}`);
  return choice;
}

/** The value the server uses instead of a bad one in this kind of record, if it falls back to one. */
export function fallbackFor(spec: AttributeSpec, record: LdifRecord): string | undefined {
  return (record.kind === 'add' || record.kind === 'content' ? spec.onBadValue.add : spec.onBadValue.modify).fallback;
}
