import { syntaxLine } from '../../schema/answers';
import type { EntryValue } from '../../schema/entry';
import type { Finding } from '../../schema/findings';
import type { AttributeType, Schema } from '../../schema/schema';
import { SYNTAX, syntaxRule } from '../../schema/syntaxes';
import { exampleSchema, replaceExample, USER_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/invalid-syntax',
  group: 'schema',
  severity: 'error',
  milder: {
    severity: 'warning',
    when: "a Boolean is written in lower case and the server's version is not known: only older releases (up to 2.3.2) refuse it",
  },
  summary: "A value the attribute's syntax does not accept (389-DS answers 21).",
  server:
    'After the schema check, 389-DS checks values against their attribute\'s syntax (Integer, Boolean, DN, Generalized Time, OID, IA5 String, Directory String, ...) and refuses the operation with 21 (Invalid syntax), one line per bad value: "<type>: value #<n> invalid per syntax", values counted from 0. An add has every value checked; a modify only the values it writes. Up to 2.3.2 (and in older 1.4 and 2.x releases) a Boolean is only TRUE or FALSE, in upper case; later releases ignore case.',
  example: replaceExample(USER_DN, 'uidNumber', '10O1'),
  exampleSchema: exampleSchema(['uidNumber']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

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
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value.fromUrl || rule.accepts(value.text, schema.traits)) continue;
    found ??= [];
    const shown = value.text === undefined ? 'This value (bytes that are not UTF-8)' : `"${value.text}"`;
    const syntax = schema.syntaxName(type.syntax) ?? type.syntax;
    const lowerBoolean =
      type.syntax === SYNTAX.boolean && value.text !== undefined && /^(true|false)$/i.test(value.text);
    const versions = lowerBoolean
      ? ' 389-DS up to 2.3.2 (and older 1.4/2.x releases) reads Booleans case-sensitively; newer releases ignore case.'
      : '';
    found.push({
      check: meta,
      answer: { code: 21, text: syntaxLine(name, index) },
      range: value.line?.valueRange,
      problem: `${shown} is not a valid ${type.name}: its syntax is ${syntax}, which takes ${rule.expects}.${versions}`,
      ...(lowerBoolean && schema.traits.booleanIgnoresCase === undefined ? { severity: meta.milder.severity } : {}),
    });
  }
  return found ?? NONE;
}

/** Most attributes have nothing to say: one shared empty list instead of one each. */
const NONE: readonly Finding[] = Object.freeze([]);
