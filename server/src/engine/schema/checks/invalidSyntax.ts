import { syntaxLine } from '../answers';
import type { EntryValue } from '../entry';
import type { AttributeType, Schema } from '../schema';
import { SYNTAX, syntaxRule } from '../syntaxes';
import type { Finding, SchemaCheckInfo } from './types';

export const invalidSyntax: SchemaCheckInfo = {
  code: 'schema/invalid-syntax',
  severity: 'error',
  summary: "A value the attribute's syntax does not accept (389-DS answers 21).",
};

/**
 * Every value the syntax refuses. `name` is how the server names the attribute in the answer
 * (the entry's name on an add, the request's on a modify) and values are counted from 0 as the
 * server counts them. Values read from a URL at apply time are not judged.
 */
export function findInvalidValues(
  name: string,
  type: AttributeType | undefined,
  values: readonly EntryValue[],
  schema: Schema,
): readonly Finding[] {
  const rule = syntaxRule(type?.syntax);
  if (!type || !rule) return NONE;
  let found: Finding[] | undefined;
  values.forEach((value, index) => {
    if (value.fromUrl || rule.accepts(value.text, schema.traits)) return;
    found ??= [];
    const shown = value.text === undefined ? 'This value (bytes that are not UTF-8)' : `"${value.text}"`;
    const syntax = schema.syntaxName(type.syntax) ?? type.syntax;
    const lowerBoolean =
      type.syntax === SYNTAX.boolean && value.text !== undefined && /^(true|false)$/i.test(value.text);
    const versions = lowerBoolean
      ? ' 389-DS up to 2.3.2 (and older 1.4/2.x releases) reads Booleans case-sensitively; newer releases ignore case.'
      : '';
    found.push({
      check: invalidSyntax,
      answer: { code: 21, text: syntaxLine(name, index) },
      range: value.line?.valueRange,
      problem: `${shown} is not a valid ${type.name}: its syntax is ${syntax}, which takes ${rule.expects}.${versions}`,
      ...(lowerBoolean && schema.traits.booleanIgnoresCase === undefined ? { severity: 'warning' as const } : {}),
    });
  });
  return found ?? NONE;
}

/** Most attributes have nothing to say: one shared empty list instead of one each. */
const NONE: readonly Finding[] = Object.freeze([]);
