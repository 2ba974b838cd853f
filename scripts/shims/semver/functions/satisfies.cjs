// The semver stand-in's satisfies: see parse.cjs beside it.
'use strict';

const parse = require('./parse.cjs');

/** As semver/functions/satisfies for a caret range ^x.y.z with x > 0; other ranges are refused. */
module.exports = function satisfies(version, range) {
  const v = typeof version === 'string' ? parse(version) : version;
  const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!caret || caret[1] === '0')
    throw new Error(`the semver stand-in reads only ^x.y.z ranges with x > 0, not ${range}`);
  if (!v || v.prerelease.length > 0) return false;
  const [major, minor, patch] = caret.slice(1).map(Number);
  return v.major === major && (v.minor > minor || (v.minor === minor && v.patch >= patch));
};
