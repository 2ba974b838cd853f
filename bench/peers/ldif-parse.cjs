// The npm `ldif` package (tapmodo/node-ldif 0.5.1) parsing one file, for the benchmark's comparison.
// Prints one JSON line: { ok, records } or { ok: false, message, line }.
const { readFileSync } = require('node:fs');
const ldif = require('ldif');

const text = readFileSync(process.argv[2], 'utf8');
try {
  const parsed = ldif.parse(text);
  console.log(JSON.stringify({ ok: true, records: parsed.entries.length }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, message: String(error.message).slice(0, 200), line: error.location?.start?.line }),
  );
  process.exitCode = 3;
}
