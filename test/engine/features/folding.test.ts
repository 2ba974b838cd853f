import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();

test('records, mod-specs and comment blocks fold; single lines do not', () => {
  const text = [
    '# licence line 1',
    '# licence line 2',
    '',
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: none',
    '-',
    '# lone comment',
    'replace: ipaWinSyncForceSync',
    '',
    'dn: cn=x',
    '',
  ].join('\n');
  const ranges = service.getFoldingRanges(service.parse(text));
  assert.deepEqual(
    ranges.map((r) => [r.kind, r.startLine, r.endLine]).sort((a, b) => Number(a[1]) - Number(b[1])),
    [
      ['comment', 0, 1],
      ['region', 3, 9],
      ['region', 5, 7],
    ],
  );
});
