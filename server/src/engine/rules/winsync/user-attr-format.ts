import type { Fix } from '../../ldif/ast';
import { isAttributeType } from '../../dn/dn';
import { ATTRIBUTE_NAME_FORM, clip, badValueConsequence } from '../support/wording';
import { catalogValues, type CatalogValue } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/** `name: value` or `name=value`, a common slip for `name value`. */
const OTHER_SEPARATOR = /^([^\s:=]+)\s*([:=])\s*(\S.*)$/;

/**
 * `attributeName SPACE value` values (ipaWinSyncUserAttr): the name runs to the first space and
 * must be an attribute type; the rest, which may hold spaces, must not be empty.
 */
export default {
  meta: {
    code: 'winsync/user-attr-format',
    group: 'values',
    severity: 'error',
    summary: 'A value that must be "attributeName value" has no value part or an invalid attribute name.',
    server:
      'A modify is refused with 53 ("correct format is attrname SPACE value"); an add stores the value, and the plug-in then fails its start-up check and does not start.',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncUserAttr', 'uidNumber=-1'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const target of catalogValues(entry, catalog, 'attr-value')) {
      const diagnostic = checkAttrValue(target, entry);
      if (diagnostic) found.push(diagnostic);
    }
    return found;
  },
} satisfies RecordRule;

function checkAttrValue(target: CatalogValue<'attr-value'>, entry: EntryView): Finding | undefined {
  const { line, spec } = target;
  // Trailing spaces end up in the added value; ldif/trailing-space reports them.
  const text = target.value.trimEnd();
  const space = text.indexOf(' ');
  const name = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space + 1);
  const format = `${spec.name} must be "attributeName value", the attribute name, one space, then the value (e.g. uidNumber -1)`;
  const consequence = badValueConsequence(spec, entry.record);
  const report = (start: number, end: number, message: string, fixes?: Fix[]): Finding => ({
    range: text === '' ? line.line.range : valuePartRange(line, start, end),
    message,
    ...(fixes && { fixes }),
  });
  const separator = OTHER_SEPARATOR.exec(text);
  if (separator && isAttributeType(separator[1])) {
    const [, attribute, mark, after] = separator;
    const written = `${attribute} ${after}`;
    const fix: Fix = {
      title: `Write "${written}"`,
      edits: [valuePartEdit(line, 0, text.length, written)],
      preferred: true,
    };
    return report(0, text.length, `${format}; "${clip(text)}" separates them with "${mark}" instead. ${consequence}`, [
      fix,
    ]);
  }
  if (space < 0 || rest.trim() === '') {
    return report(
      0,
      text.length,
      `${format}; ${text === '' ? 'the value is empty' : `"${clip(text)}" has no value after the attribute name`}. ${consequence}`,
    );
  }
  if (!isAttributeType(name)) {
    return report(
      0,
      name.length,
      `Invalid attribute name "${clip(name)}" in ${spec.name}: expected ${ATTRIBUTE_NAME_FORM} before the first space. ${consequence}`,
    );
  }
  return undefined;
}
