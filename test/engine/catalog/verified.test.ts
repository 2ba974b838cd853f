// server/src/engine/catalog/syncChecks.json links catalog statements to the sync tests that check them against a
// real sync. This keeps it honest: every statement and quote exists in the catalog as written,
// every test named exists, and every sync test is listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, type AttributeSpec } from '../../../server/src/engine/catalog';
import { agreementStatusCatalog } from '../../../server/src/engine/catalog/agreementStatus';

const root = resolve(__dirname, '../../..');

interface Verification {
  readonly attribute: string;
  readonly statement: string;
  readonly quote: string;
  readonly verdict: 'confirmed' | 'contradicted' | 'qualified';
  readonly observed?: string;
}

interface Entry {
  readonly file: string;
  readonly test: string;
  readonly verifies: readonly Verification[];
  readonly observed?: string;
}

const verified = JSON.parse(readFileSync(join(root, 'server/src/engine/catalog/syncChecks.json'), 'utf8')) as {
  tests: Entry[];
};

/** The catalog text a statement id names, or undefined. */
function statementText(attribute: AttributeSpec | undefined, statement: string): string | undefined {
  if (statement.startsWith('outcome:')) {
    const outcome = agreementStatusCatalog().outcomes.find(
      (candidate) => candidate.title === statement.slice('outcome:'.length),
    );
    return outcome && `${outcome.cause} ${outcome.fix}`;
  }
  if (!attribute) return undefined;
  if (statement === 'doc') return attribute.doc;
  if (statement === 'default') return attribute.default;
  if (statement === 'onBadValue.add') return attribute.onBadValue.add.note;
  if (statement === 'onBadValue.modify') return attribute.onBadValue.modify.note;
  if (statement.startsWith('value:') && attribute.syntax.kind === 'enum') {
    return attribute.syntax.values.find((value) => value.value === statement.slice('value:'.length))?.doc;
  }
  return undefined;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

test('every verified statement exists in the catalog and contains its quote', () => {
  const catalog = loadCatalog();
  for (const entry of verified.tests) {
    for (const verification of entry.verifies) {
      const attribute = catalog.attribute(verification.attribute);
      assert.ok(attribute, `${verification.attribute} (${entry.test}) is not a catalog attribute`);
      const text = statementText(attribute, verification.statement);
      assert.ok(text, `${verification.attribute} has no statement "${verification.statement}"`);
      assert.ok(
        squash(text).includes(squash(verification.quote)),
        `"${verification.quote}" is not in ${verification.attribute} ${verification.statement}: ${text}`,
      );
      assert.ok(['confirmed', 'contradicted', 'qualified'].includes(verification.verdict), verification.verdict);
      if (verification.verdict !== 'confirmed')
        assert.ok(verification.observed, `a ${verification.verdict} statement says what the sync really does`);
    }
  }
});

/** The titles of a file's top-level tests (the formatter may put a long title on the next line). */
function testTitles(source: string): string[] {
  return [...source.matchAll(/^test\(\s*'((?:[^'\\]|\\.)*)'/gm)].map((match) => match[1].replace(/\\'/g, "'"));
}

test('every test named exists in its file, and every sync test is listed', () => {
  const sources = new Map<string, string>();
  for (const entry of verified.tests) {
    const source = sources.get(entry.file) ?? readFileSync(join(root, entry.file), 'utf8');
    sources.set(entry.file, source);
    assert.ok(testTitles(source).includes(entry.test), `no test "${entry.test}" in ${entry.file}`);
  }
  for (const name of readdirSync(join(root, 'test/sync')).filter((file) => file.endsWith('.test.ts'))) {
    const file = `test/sync/${name}`;
    const source = readFileSync(join(root, file), 'utf8');
    for (const title of testTitles(source)) {
      assert.ok(
        verified.tests.some((entry) => entry.file === file && entry.test === title),
        `${file}: "${title}" is not in server/src/engine/catalog/syncChecks.json`,
      );
    }
  }
});
