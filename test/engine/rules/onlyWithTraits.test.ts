import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateToString } from '../../../bench/generate';
import { RECORD_RULES } from '../../../server/src/engine/rules';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();
const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');
const RULES = RECORD_RULES.filter((rule) => rule.onlyWithTraits !== undefined);

function ldifFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? ldifFiles(path) : name.endsWith('.ldif') ? [path] : [];
  });
}

/** Records at the edges of what the traits say: each trait's case written in every place a rule looks. */
const EDGES = [
  'dn: cn=a,dc=example,dc=com\nchangetype: modify \nreplace: description \ndescription: x\n- \t\nreplace: cn\ncn:: YQ==\n-\t\n',
  'dn: cn=b,dc=example,dc=com\nchangetype: modify\nreplace:< file:///tmp/x \n-\nreplace: jpegPhoto\njpegPhoto:< file:///tmp/p.jpg\n-\n',
  'dn: cn=c,dc=example,dc=com\ncontrol: 1.2.840.113556.1.4.805 true:< file:///tmp/v\nchangetype: delete\n',
  'dn: cn=d,dc=example,dc=com\nchangetype: add\ndescrip\n tion: folded name\ncn: folded\n  value\nsn:\n  :starts with a colon\nl: <x\nst: a\u0000b\nstreet: a\rb\n',
  'dn: cn=e\n ,dc=example,dc=com\nchangetype: modrdn\nnewrdn: cn=f \ndeleteoldrdn: 1\nnewsuperior: dc=example,dc=com \n',
  '# a comment\n  folded\ndn: cn=g,dc=example,dc=com\ncn\n : g\n',
].join('\n');

test('rules marked onlyWithTraits find nothing in a record without one of those traits, so skipping them changes nothing', () => {
  const texts = [generateToString({ seed: 13, records: 1500, errorRate: 0.3 }), EDGES];
  for (const rule of RECORD_RULES) texts.push(rule.meta.example.join('\n'));
  try {
    texts.push(...ldifFiles(CORPUS).map((file) => readFileSync(file, 'utf8')));
  } catch {
    // The corpus sits beside the project; without it the generated records and the edges still cover every rule.
  }
  assert.ok(RULES.length >= 6);
  const reported = new Set<string>();
  for (const text of texts) {
    for (const view of service.parse(text).views) {
      for (const rule of RULES) {
        const found = rule.check(view, { catalog: service.catalog });
        if (found.length > 0) reported.add(rule.meta.code);
        if ((view.record.traits & rule.onlyWithTraits!) === 0)
          assert.deepEqual(found, [], `${rule.meta.code} on line ${view.record.range.start.line + 1}`);
      }
    }
  }
  // Each rule found something somewhere, so the records it must not skip were there.
  assert.deepEqual(
    RULES.map((rule) => rule.meta.code).filter((code) => !reported.has(code)),
    [],
  );
});
