import type { Diagnostic, Fix } from '../../ldif/ast';
import { isAttributeType } from '../../dn/dn';
import { clip } from '../../ldif/attrLine';
import { catalogValues, type CatalogValue } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { valuePartEdit, valuePartRange } from '../valueText';
import { ATTRIBUTE_NAME_FORM } from './attributeName';

/** `name: value` or `name=value`, a common slip for `name value`. */
const OTHER_SEPARATOR = /^([^\s:=]+)\s*([:=])\s*(\S.*)$/;

/**
 * `attributeName SPACE value` values (ipaWinSyncUserAttr): the name runs to the first space and
 * must be an attribute type; the rest, which may hold spaces, must not be empty.
 */
export const userAttrFormat: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/user-attr-format': {
      severity: 'error',
      group: 'values',
      summary: 'A value that must be "attributeName value" has no value part or an invalid attribute name.',
    },
  },
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    for (const target of catalogValues(entry, catalog, 'attr-value')) {
      const diagnostic = checkAttrValue(target, entry);
      if (diagnostic) found.push(diagnostic);
    }
    return found;
  },
};

function checkAttrValue(target: CatalogValue<'attr-value'>, entry: EntryView): Diagnostic | undefined {
  const { line, spec } = target;
  // Trailing spaces end up in the added value; ldif/trailing-space reports them.
  const text = target.value.trimEnd();
  const space = text.indexOf(' ');
  const name = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space + 1);
  const format = `${spec.name} must be "attributeName value", the attribute name, one space, then the value (e.g. uidNumber -1)`;
  const consequence = badValueConsequence(spec, entry.record);
  const report = (start: number, end: number, message: string, fixes?: Fix[]): Diagnostic => ({
    code: 'winsync/user-attr-format',
    severity: 'error',
    range: text === '' ? line.line.range : valuePartRange(line, start, end),
    message,
    ...(fixes && { fixes }),
  });
  const separator = OTHER_SEPARATOR.exec(text);
  if (separator && isAttributeType(separator[1])) {
    const [, attribute, mark, after] = separator;
    const written = `${attribute} ${after}`;
    const fix: Fix = { title: `Write "${written}"`, edits: [valuePartEdit(line, 0, text.length, written)], preferred: true };
    return report(0, text.length, `${format}; "${clip(text)}" separates them with "${mark}" instead. ${consequence}`, [fix]);
  }
  if (space < 0 || rest.trim() === '') {
    return report(0, text.length, `${format}; ${text === '' ? 'the value is empty' : `"${clip(text)}" has no value after the attribute name`}. ${consequence}`);
  }
  if (!isAttributeType(name)) {
    return report(0, name.length, `Invalid attribute name "${clip(name)}" in ${spec.name}: expected ${ATTRIBUTE_NAME_FORM} before the first space. ${consequence}`);
  }
  return undefined;
}
