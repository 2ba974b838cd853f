import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/engine/rules';
import { renderRuleTable, spliceRuleTable } from '../../scripts/docs/ruleTable';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('README.md', () => {
  test('the table of diagnostic codes is up to date with CODES (run: npx tsx scripts/generate-rule-docs.ts)', () => {
    assert.equal(spliceRuleTable(readme, renderRuleTable(CODES)), readme);
  });

  test('the rule table lists every code once, under its group', () => {
    const table = renderRuleTable(CODES);
    for (const [code, info] of Object.entries(CODES)) {
      assert.equal(table.split(`| \`${code}\` | ${info.severity} |`).length, 2, code);
    }
    assert.match(table, /\(group `filter`, \d+ codes\)/);
  });

  test('the quick start is the two commands, and both scripts exist', () => {
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    const commands = [...quickStart.matchAll(/^(npm ci && npm (?:run )?\S+)/gm)].map((match) => match[1]);
    assert.deepEqual(commands, ['npm ci && npm run demo', 'npm ci && npm test']);
    assert.ok(pkg.scripts.demo, 'package.json has a demo script');
    assert.ok(pkg.scripts.test, 'package.json has a test script');
  });

  test('every contributed command and setting is documented', () => {
    for (const command of pkg.contributes.commands ?? []) {
      assert.ok(readme.includes(`\`${command.command}\``), `command ${command.command}`);
      assert.ok(readme.includes(`${command.category}: ${command.title}`), `title of ${command.command}`);
    }
    for (const setting of Object.keys(pkg.contributes.configuration.properties)) {
      assert.ok(readme.includes(`| \`${setting}\` |`), `setting ${setting} has a row in the settings table`);
    }
  });

  test('every image and relative link points at a file that exists', () => {
    const targets = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((match) => match[1]);
    assert.ok(
      targets.some((target) => target.startsWith('docs/screenshots/')),
      'the README shows screenshots',
    );
    for (const target of targets) assert.ok(existsSync(join(ROOT, target)), target);
  });
});
