import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase, type TestFailure } from 'vscode-tmgrammar-test/dist/unit/index';
import { loadCatalog } from '../../server/src/engine/catalog';

/**
 * The TextMate grammar, tested with vscode-tmgrammar-test (the same library its CLI uses):
 * each file in cases/ is LDIF with `# ^^^ scope` assertion lines under the lines they check.
 * The CLI runs the same files:
 *   npx vscode-tmgrammar-test -g syntaxes/ldif.tmLanguage.json 'test/grammar/cases/*.ldif'
 */
const ROOT = join(__dirname, '..', '..');
const GRAMMAR = join(ROOT, 'syntaxes', 'ldif.tmLanguage.json');
const CASES = join(__dirname, 'cases');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real');

const registry = createRegistry([{ language: 'ldif', scopeName: 'source.ldif', path: GRAMMAR }]);
const caseFiles = readdirSync(CASES).filter((name) => name.endsWith('.ldif'));

function describeFailure(source: readonly string[], failure: TestFailure): string {
  const where = `${failure.line + 1}:${failure.start + 1}-${failure.end}`;
  const text = JSON.stringify(source[failure.srcLine]?.slice(failure.start, failure.end));
  const missing = failure.missing.length ? ` missing [${failure.missing.join(' ')}]` : '';
  const unexpected = failure.unexpected.length ? ` unexpected [${failure.unexpected.join(' ')}]` : '';
  return `${where} ${text}:${missing}${unexpected} actual [${failure.actual.join(' ')}]`;
}

describe('LDIF TextMate grammar', () => {
  for (const file of caseFiles) {
    test(`${file}: every scope assertion holds`, async () => {
      const testCase = parseGrammarTestCase(readFileSync(join(CASES, file), 'utf8'));
      assert.ok(testCase.assertions.length > 0, 'the case file asserts something');
      const failures = await runGrammarTestCase(registry, testCase);
      assert.deepEqual(
        failures.map((failure) => describeFailure(testCase.source, failure)),
        [],
      );
    });
  }

  test('the cases assert every construct the grammar scopes', () => {
    const asserted = new Set(
      caseFiles.flatMap((file) =>
        parseGrammarTestCase(readFileSync(join(CASES, file), 'utf8')).assertions.flatMap((line) =>
          line.scopeAssertions.flatMap((assertion) => assertion.scopes),
        ),
      ),
    );
    // Every scope name the grammar assigns, read from the grammar itself.
    const named = new Set(
      [...readFileSync(GRAMMAR, 'utf8').matchAll(/"(?:name|contentName)": "([^"]+)"/g)].map((m) => m[1]),
    );
    named.delete('LDIF');
    assert.deepEqual([...named].filter((scope) => !asserted.has(scope)).sort(), []);
  });

  test('package.json contributes the grammar for the ldif language', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8'));
    assert.equal(grammar.scopeName, 'source.ldif');
    assert.deepEqual(manifest.contributes.grammars, [
      { language: 'ldif', scopeName: 'source.ldif', path: './syntaxes/ldif.tmLanguage.json' },
    ]);
  });

  test('names no catalog attribute: attribute knowledge stays in the catalog', () => {
    const grammar = readFileSync(GRAMMAR, 'utf8').toLowerCase();
    const named = loadCatalog().attributes.filter((attribute) => grammar.includes(attribute.name.toLowerCase()));
    assert.deepEqual(
      named.map((attribute) => attribute.name),
      [],
    );
  });

  // Real LDIF from other projects (../shared/corpus/real): valid files must not be painted as invalid.
  test(
    'scopes nothing in the real-world corpus as invalid',
    { skip: !existsSync(CORPUS) && 'no shared corpus' },
    async () => {
      const grammar = await registry.loadGrammar('source.ldif');
      assert.ok(grammar);
      const tsv = readFileSync(join(CORPUS, 'SOURCES.tsv'), 'utf8').trimEnd().split('\n');
      const header = tsv[0].split('\t');
      const files = tsv
        .slice(1)
        .map((row) => row.split('\t'))
        .filter((cells) => cells[header.indexOf('template')] !== 'yes')
        .map((cells) => cells[header.indexOf('file')]);
      assert.ok(files.length > 100);
      const invalid: string[] = [];
      for (const file of files) {
        let stack: Parameters<typeof grammar.tokenizeLine>[1] = null;
        readFileSync(join(CORPUS, file), 'utf8')
          .split(/\r?\n/)
          .forEach((line, index) => {
            const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
            stack = ruleStack;
            for (const token of tokens) {
              const scope = token.scopes.find((s) => s.startsWith('invalid.'));
              if (scope)
                invalid.push(
                  `${file}:${index + 1}:${token.startIndex + 1} ${scope} ${JSON.stringify(line.slice(token.startIndex, token.endIndex))}`,
                );
            }
          });
      }
      assert.deepEqual(invalid, []);
    },
  );
});
