import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, RULES } from '../../../server/src/engine/rules';
import type { Rule } from '../../../server/src/engine/rules/types';

const ROOT = join(__dirname, '..', '..', '..');
const RULES_DIR = join(ROOT, 'server', 'src', 'engine', 'rules');
/** Folders of rules/ that hold no rule: shared logic. */
const NOT_RULES = new Set(['support']);

/** Every `<prefix>/<name>` that has a file in a rule folder. */
function ruleFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_RULES.has(entry.name))
    .flatMap((folder) =>
      readdirSync(join(RULES_DIR, folder.name)).map((file) => `${folder.name}/${file.replace(/\.ts$/, '')}`),
    );
}

test('every code has its rule at rules/<prefix>/<name>.ts, and every rule file is registered', () => {
  for (const code of Object.keys(CODES)) assert.ok(existsSync(join(RULES_DIR, `${code}.ts`)), `rules/${code}.ts`);
  assert.deepEqual(ruleFiles().sort(), Object.keys(CODES).sort());
});

test('every rule file declares exactly the code of its path, and the registry holds that rule', async () => {
  for (const path of ruleFiles()) {
    const module = (await import(join(RULES_DIR, `${path}.ts`))) as { default: Rule };
    assert.equal(module.default.meta.code, path, `rules/${path}.ts`);
    assert.ok(RULES.includes(module.default), `rules/${path}.ts is in the registry`);
  }
  assert.equal(RULES.length, Object.keys(CODES).length, 'one rule per code');
});

test('every code has its tests at test/engine/rules/<prefix>/<name>.test.ts', () => {
  for (const code of Object.keys(CODES))
    assert.ok(existsSync(join(__dirname, `${code}.test.ts`)), `test/engine/rules/${code}.test.ts`);
});
