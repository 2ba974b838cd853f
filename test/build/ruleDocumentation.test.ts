import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { DOCUMENTATION_ONLY, ruleDocumentation } from '../../scripts/ruleDocumentation.mjs';

const ROOT = join(__dirname, '..', '..');

/** The rules as a bundle made with the plugin has them. */
async function bundledRules(): Promise<typeof RULES> {
  const { outputFiles } = await build({
    entryPoints: [join(ROOT, 'server', 'src', 'engine', 'rules', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
    plugins: [ruleDocumentation],
  });
  const module = { exports: {} as { RULES: typeof RULES } };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  return module.exports.RULES;
}

test("the bundles leave out the rules' documentation and keep the rest of their metadata", async () => {
  const bundled = await bundledRules();
  assert.equal(bundled.length, RULES.length);
  let documented = 0;
  RULES.forEach((rule, i) => {
    const kept = Object.fromEntries(Object.entries(rule.meta).filter(([key]) => !DOCUMENTATION_ONLY.has(key)));
    if (Object.keys(kept).length < Object.keys(rule.meta).length) documented++;
    assert.deepEqual(bundled[i].meta, kept, rule.meta.code);
    assert.deepEqual(Object.keys(bundled[i]), Object.keys(rule), rule.meta.code);
  });
  // Nearly every rule has documentation to leave out.
  assert.ok(documented > RULES.length * 0.9, `${documented} of ${RULES.length} rules`);
});
