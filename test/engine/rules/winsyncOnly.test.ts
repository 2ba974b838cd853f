import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateToString } from '../../../bench/generate';
import { RECORD_RULES } from '../../../server/src/engine/rules';
import type { EntryView } from '../../../server/src/engine/model/entryView';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();
const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');

function ldifFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? ldifFiles(path) : name.endsWith('.ldif') ? [path] : [];
  });
}

test('rules marked winsyncOnly find nothing in a record that is not a winsync entry, so skipping them changes nothing', () => {
  const texts = [generateToString({ seed: 11, records: 1500, errorRate: 0.3 })];
  try {
    texts.push(...ldifFiles(CORPUS).map((file) => readFileSync(file, 'utf8')));
  } catch {
    // The corpus sits beside the project; without it the generated records still cover every rule.
  }
  const rules = RECORD_RULES.filter((rule) => rule.winsyncOnly);
  assert.ok(rules.length > 10);
  let checked = 0;
  for (const text of texts) {
    for (const view of service.parse(text).views) {
      // Winsync records too, seen as ordinary ones: a winsyncOnly rule must not look past the kind.
      const ordinary: EntryView = {
        record: view.record,
        kind: undefined,
        agreementKind: undefined,
        writes: view.writes,
        mentions: view.mentions,
      };
      for (const rule of rules)
        assert.deepEqual(
          rule.check(ordinary, { catalog: service.catalog }),
          [],
          `${rule.meta.code} on line ${view.record.range.start.line + 1}`,
        );
      checked++;
    }
  }
  assert.ok(checked > 1500);
});
