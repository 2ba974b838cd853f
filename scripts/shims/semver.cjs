// Stands in for semver in dist/client.js (scripts/build.mjs), which would cost 6 KB of the .vsix's
// 400 KB. vscode-languageclient's node client uses two functions, once, to check that VS Code is
// at least the version it needs ("^1.91.0"), which package.json's engines.vscode (^1.100.0)
// already guarantees. These two read plain versions and caret ranges as semver does
// (test/client/shims.test.ts compares them with semver) and refuse anything else.
'use strict';

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(version) {
  const match = VERSION.exec(String(version).trim());
  if (!match) return null;
  return { major: +match[1], minor: +match[2], patch: +match[3], prerelease: match[4] ? match[4].split('.') : [] };
}

function satisfies(version, range) {
  const v = typeof version === 'string' ? parse(version) : version;
  const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!caret || caret[1] === '0')
    throw new Error(`the semver stand-in reads only ^x.y.z ranges with x > 0, not ${range}`);
  if (!v || v.prerelease.length > 0) return false;
  const [major, minor, patch] = caret.slice(1).map(Number);
  return v.major === major && (v.minor > minor || (v.minor === minor && v.patch >= patch));
}

module.exports = { parse, satisfies };
