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

test('a record with comments above it folds from its dn: line, and the comments fold on their own', () => {
  const text = [
    '# Lock sync: apply with',
    '# ldapmodify -f this.ldif',
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: none',
    '-',
    '',
    '# one line above',
    'dn: cn=x',
    'cn: x',
    '',
  ].join('\n');
  const document = service.parse(text);
  const ranges = service.getFoldingRanges(document);
  assert.deepEqual(
    ranges.map((r) => [r.kind, r.startLine, r.endLine]).sort((a, b) => Number(a[1]) - Number(b[1])),
    [
      ['comment', 0, 1],
      ['region', 2, 6],
      ['region', 4, 6],
      ['region', 9, 10],
    ],
  );
  // The record's lenses go on the line its fold starts at, so folding never hides them.
  const anchors = service.findRecordAnchors(document).map((anchor) => anchor.line);
  assert.deepEqual(anchors, [2, 9]);
});
