// Writes the diagnostic codes of the engine's CODES into package.json, as the keys the
// `winsyncLdif.severity` setting accepts (completion and checks in settings.json):
//   npx tsx scripts/generate-settings-schema.ts
// test/docs/manifest.test.ts fails when package.json is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../server/src/engine/rules';
import { severityPropertyNames, SEVERITY_SETTING, spliceSeverityPropertyNames } from './docs/severitySchema';

const manifest = join(__dirname, '..', 'package.json');
const before = readFileSync(manifest, 'utf8');
const after = spliceSeverityPropertyNames(before, severityPropertyNames(CODES));
const count = Object.keys(CODES).length;
if (after === before) {
  console.log(`${manifest}: ${SEVERITY_SETTING} keys up to date (${count} codes)`);
} else {
  writeFileSync(manifest, after);
  console.log(`${manifest}: ${SEVERITY_SETTING} keys rewritten (${count} codes)`);
}
