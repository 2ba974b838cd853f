import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { getLanguageService } from '../../server/src/engine/service';
import { renderRulePage, rulePagePath } from '../../scripts/docs/rulePages';

const ROOT = join(__dirname, '..', '..');
const service = getLanguageService();

function pagesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pagesBelow(join(folder, entry.name)) : [relative(ROOT, join(folder, entry.name))],
  );
}

test('every code has its documentation page, up to date with its rule (run: npx tsx scripts/generate-rule-docs.ts)', () => {
  for (const rule of RULES) {
    const path = rulePagePath(rule.meta.code);
    assert.equal(readFileSync(join(ROOT, path), 'utf8'), renderRulePage(rule, service), path);
  }
});

test('docs/rules holds a page for each code and nothing else', () => {
  assert.deepEqual(
    pagesBelow(join(ROOT, 'docs', 'rules')).sort(),
    RULES.map((rule) => rulePagePath(rule.meta.code)).sort(),
  );
});

test('a page shows its example, what winsync-ldif reports on it and the fixed form', () => {
  const page = readFileSync(join(ROOT, rulePagePath('winsync/invalid-enum')), 'utf8');
  assert.match(page, /^# winsync\/invalid-enum$/m);
  assert.match(page, /\| Default severity \| error \|/);
  assert.match(page, /```ldif\ndn: cn=ipa-winsync,cn=plugins,cn=config\n[^`]*ipaWinSyncAcctDisable: to_da\n/);
  assert.match(
    page,
    /- line 4: Invalid value "to_da" for ipaWinSyncAcctDisable: expected one of none, to_ad, to_ds, both\./,
  );
  assert.match(page, /The quick fix \*Change to "to_ad"\* makes it:\n\n```ldif\n[^`]*ipaWinSyncAcctDisable: to_ad\n/);
});
