// Rewrites the table of diagnostic codes in README.md from the engine's CODES:
//   npx tsx scripts/generate-rule-docs.ts
// test/docs/readme.test.ts fails when the README table is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../server/src/engine/rules';
import { renderRuleTable, spliceRuleTable } from './docs/ruleTable';

const readme = join(__dirname, '..', 'README.md');
const before = readFileSync(readme, 'utf8');
const after = spliceRuleTable(before, renderRuleTable(CODES));
if (after === before) {
  console.log(`${readme}: rule table up to date (${Object.keys(CODES).length} codes)`);
} else {
  writeFileSync(readme, after);
  console.log(`${readme}: rule table rewritten (${Object.keys(CODES).length} codes)`);
}
