import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/service';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const service = getLanguageService();
const files = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.ldif'))
  .sort();

/** Codes promised by `# expect: <code> <why>` lines in the comment block at the top of a file. */
function expectedCodes(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, end < 0 ? lines.length : end).flatMap((line) => /^# expect: (\S+)/.exec(line)?.[1] ?? []);
}

function diagnosticsOf(name: string): { text: string; found: string[] } {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const found = service
    .validate(service.parse(text))
    .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.severity} ${diagnostic.code}`);
  return { text, found };
}

const codeOf = (found: string) => found.split(' ').pop() ?? '';

describe('examples/', () => {
  test('holds good and broken files, each named for which it is', () => {
    assert.ok(files.some((name) => name.startsWith('good-')));
    assert.ok(files.some((name) => name.startsWith('broken-')));
    assert.deepEqual(
      files.filter((name) => !/^(good|broken)-/.test(name)),
      [],
    );
  });

  for (const name of files.filter((file) => file.startsWith('good-'))) {
    test(`${name} validates without any problem and promises none`, () => {
      const { text, found } = diagnosticsOf(name);
      assert.deepEqual(found, []);
      assert.deepEqual(expectedCodes(text), []);
    });
  }

  for (const name of files.filter((file) => file.startsWith('broken-'))) {
    test(`${name} shows exactly the diagnostics its header promises, several of them`, () => {
      const { text, found } = diagnosticsOf(name);
      const expected = expectedCodes(text);
      assert.ok(expected.length >= 3, 'a broken example demonstrates several diagnostics');
      assert.equal(new Set(expected).size, expected.length, 'each code is promised once');
      assert.deepEqual([...new Set(found.map(codeOf))].sort(), [...expected].sort(), `found:\n${found.join('\n')}`);
    });
  }
});
