import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFilter, parseFilter } from '../../server/src/engine/filter/filter';
import { getLanguageService } from '../../server/src/engine/service';

const DEPTH = 100_000;
const service = getLanguageService();

/** A modify of the plugin entry that sets a filter-valued attribute. */
function pluginModify(filter: string): string {
  return [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncNewEntryFilter',
    `ipaWinSyncNewEntryFilter: ${filter}`,
    '-',
    '',
  ].join('\n');
}

const filterDiagnostics = (text: string) =>
  service.validate(service.parse(text)).filter((d) => d.code.startsWith('filter/'));

describe(`a filter nested ${DEPTH} deep`, () => {
  const deepAnd = `${'(&'.repeat(DEPTH)}(cn=a)${')'.repeat(DEPTH)}`;
  const deepNot = `${'(!'.repeat(DEPTH)}(cn=a)${')'.repeat(DEPTH)}`;

  test('parses and prints without recursion, and prints back the same text', () => {
    for (const text of [deepAnd, deepNot]) {
      const parsed = parseFilter(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(formatFilter(parsed.filter!), text);
    }
  });

  test('as a winsync filter value, the validator finds nothing wrong, in well under 10 s', () => {
    const started = performance.now();
    assert.deepEqual(filterDiagnostics(pluginModify(deepAnd)), []);
    assert.deepEqual(filterDiagnostics(pluginModify(deepNot)), []);
    assert.ok(performance.now() - started < 10_000);
  });

  test('one missing ")" at the end is one error, not a hundred thousand', () => {
    const found = filterDiagnostics(pluginModify(deepAnd.slice(0, -1)));
    assert.deepEqual(
      found.map((d) => d.code),
      ['filter/invalid'],
    );
    assert.match(found[0].message, /never closed/);
  });

  test('hover and completion on the value answer', () => {
    const document = service.parse(pluginModify(deepAnd));
    const position = { line: 3, character: 40 };
    service.hover(document, position);
    service.complete(document, position);
  });
});
