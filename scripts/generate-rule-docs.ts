// Rewrites the generated rule documentation from the rules' metadata:
//   npx tsx scripts/generate-rule-docs.ts
// - the table of diagnostic codes in README.md;
// - one page per code, docs/rules/<prefix>/<name>.md (pages of codes that no longer exist are removed).
// test/docs/readme.test.ts and test/docs/rulePages.test.ts fail when either is out of date.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CODES, RULES } from '../server/src/engine/rules';
import { getLanguageService } from '../server/src/engine/service';
import { renderRulePage, rulePagePath } from './docs/rulePages';
import { renderRuleTable, spliceRuleTable } from './docs/ruleTable';

const root = join(__dirname, '..');
const readme = join(root, 'README.md');
const before = readFileSync(readme, 'utf8');
const after = spliceRuleTable(before, renderRuleTable(CODES));
if (after !== before) writeFileSync(readme, after);
console.log(
  `README.md: rule table ${after === before ? 'up to date' : 'rewritten'} (${Object.keys(CODES).length} codes)`,
);

const service = getLanguageService();
const pages = new Map(RULES.map((rule) => [join(root, rulePagePath(rule.meta.code)), renderRulePage(rule, service)]));
let written = 0;
for (const [path, page] of pages) {
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === page) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, page);
  written++;
}
const stale = listPages(join(root, 'docs', 'rules')).filter((path) => !pages.has(path));
for (const path of stale) rmSync(path);
console.log(
  `docs/rules: ${pages.size} pages, ${written} rewritten${stale.length ? `, removed ${stale.map((path) => relative(root, path)).join(', ')}` : ''}`,
);

function listPages(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory()
      ? listPages(join(folder, entry.name))
      : entry.name.endsWith('.md')
        ? [join(folder, entry.name)]
        : [],
  );
}
