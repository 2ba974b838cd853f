import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, sizeOption, UsageError } from '../../server/src/cli/args';
import { runCli } from './helpers';

const SPECS = { format: { value: true }, 'dry-run': { value: false } } as const;

function usage(argv: string[]): string {
  try {
    parseArgs(argv, SPECS);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`${argv.join(' ')} parsed`);
}

test('options, flags, --name=value, "-" and everything after "--" are read as before', () => {
  assert.deepEqual(parseArgs(['--format', 'json', 'a.ldif', '-', '--dry-run', '--', '--b.ldif'], SPECS), {
    options: { format: 'json', 'dry-run': true },
    positional: ['a.ldif', '-', '--b.ldif'],
  });
  assert.deepEqual(
    parseArgs(['--format=sarif', '--format=text'], SPECS).options,
    { format: 'text' },
    'the last one wins',
  );
});

test('parse errors keep their one-line wording and never repeat a value', () => {
  assert.equal(usage(['--bogus']), 'unknown option --bogus');
  assert.equal(usage(['--bogus=1']), 'unknown option --bogus');
  assert.equal(usage(['-x']), 'unknown option -x');
  assert.equal(usage(['-wHunter2']), 'unknown option -w');
  assert.equal(usage(['--dry-run=yes']), '--dry-run takes no value');
  assert.equal(usage(['--format']), '--format needs a value');
  assert.equal(
    usage(['--format', '--dry-run']),
    '--format needs a value (write --format=VALUE for a value that starts with -)',
  );
});

test('a usage error exits 2 with one line on stderr', async () => {
  const result = await runCli(['check', '--bogus', 'x.ldif']);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, 'winsync-ldif: unknown option --bogus\n');
});

test('sizes take bytes or a binary unit', () => {
  const size = (value: string) => sizeOption({ options: { size: value }, positional: [] }, 'size');
  assert.equal(size('2097152'), 2 * 1024 * 1024);
  assert.equal(size('4MiB'), 4 * 1024 * 1024);
  assert.equal(size('512k'), 512 * 1024);
  assert.throws(() => size('lots'), /--size must be a size such as 4MiB/);
  assert.throws(() => size('0'), UsageError);
});
