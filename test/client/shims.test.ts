import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The stand-ins that dist/client.js bundles instead of semver and minimatch (scripts/build.mjs):
 * the semver one must answer as semver does where vscode-languageclient asks it.
 */
const ROOT = join(__dirname, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: readonly (string | number)[];
  version?: string;
}
type Parse = (version: string) => Version | null;
type Satisfies = (version: Version | string, range: string) => boolean;
// At the paths the bundle maps the real ones to (scripts/build.mjs), with the same exports.
const shim = {
  parse: require('./scripts/shims/semver/functions/parse.cjs') as Parse,
  satisfies: require('./scripts/shims/semver/functions/satisfies.cjs') as Satisfies,
};
const parse = require('semver/functions/parse') as Parse;
const satisfies = require('semver/functions/satisfies') as Satisfies;

const VERSIONS = ['1.100.3', '1.91.0', '1.90.9', '1.91.1', '2.0.0', '0.99.0', '1.101.0-insider', 'v1.100.0', 'x'];

test('the semver stand-in parses and checks a caret range as semver does', () => {
  assert.equal(typeof shim.parse, typeof parse);
  assert.equal(typeof shim.satisfies, typeof satisfies);
  for (const range of ['^1.91.0', '^1.100.0']) {
    for (const version of VERSIONS) {
      const real = parse(version);
      const ours = shim.parse(version);
      assert.equal(ours === null, real === null, version);
      if (!real || !ours) continue;
      assert.deepEqual(
        [ours.major, ours.minor, ours.patch, [...ours.prerelease]],
        [real.major, real.minor, real.patch, [...real.prerelease]],
      );
      assert.equal(shim.satisfies(ours, range), satisfies(real, range), `${version} ${range}`);
      // The language client clears the prerelease of an insider build before it asks.
      assert.equal(
        shim.satisfies({ ...ours, prerelease: [] }, range),
        satisfies(String(real.version).replace(/-.*/, ''), range),
      );
    }
  }
  assert.throws(() => shim.satisfies('1.2.3', '>=1.0.0'), /only \^x\.y\.z/);
});

test('the minimatch stand-in refuses to match, saying why', () => {
  const minimatch = require('./scripts/shims/minimatch.cjs') as { Minimatch: new (pattern: string) => unknown };
  assert.throws(() => new minimatch.Minimatch('**/*.ldif'), /leaves minimatch out/);
});
