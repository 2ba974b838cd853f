// Stands in for semver in dist/client.js (scripts/build.mjs), which would cost 6 KB of the .vsix's
// 400 KB. vscode-languageclient's node client uses two functions, once, to check that VS Code is
// at least the version it needs ("^1.91.0"), which package.json's engines.vscode (^1.100.0)
// already guarantees. This and satisfies.cjs read plain versions and caret ranges as semver
// does (test/client/shims.test.ts compares them with semver) and refuse anything else.
'use strict';

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** As semver/functions/parse: the parts of a plain version, or null. */
module.exports = function parse(version) {
  const match = VERSION.exec(String(version).trim());
  if (!match) return null;
  return { major: +match[1], minor: +match[2], patch: +match[3], prerelease: match[4] ? match[4].split('.') : [] };
};
