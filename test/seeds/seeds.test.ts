import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/service';
import type { Diagnostic } from '../../server/src/engine/ldif/ast';

/**
 * The LDIF examples of the product's two source documents (../shared/seeds), read from
 * the documents themselves, must get the verdicts the documents imply.
 */
const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const service = getLanguageService();

function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix));
  assert.ok(file, `no seed ${prefix}* in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8');
}

/** Every example: a `dn:` line and the LDIF lines after it, as printed (indented, maybe with U+00A0). */
function examples(text: string): string[][] {
  const lines = text.split('\n');
  const found: string[][] = [];
  lines.forEach((line, index) => {
    if (!/^\s*dn:/.test(line)) return;
    const example = [line];
    for (const next of lines.slice(index + 1)) {
      if (!/^\s*[A-Za-z][\w;-]*:/.test(next) || /^\s*modifying entry/.test(next)) break;
      example.push(next);
    }
    found.push(example);
  });
  return found;
}

/** What a reader types after copying: the page's indentation, no-break spaces and trailing padding gone. */
function asTyped(example: readonly string[]): string {
  return `${example.map((line) => line.replace(/\u00a0/g, ' ').trim()).join('\n')}\n`;
}

function diagnose(text: string): Diagnostic[] {
  return service.validate(service.parse(text));
}

const codes = (diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']) =>
  diagnostics.filter((d) => d.severity === severity).map((d) => d.code);

describe('IdM guide §15.5 (seed 000)', () => {
  const found = examples(seed('000'));

  test('holds the four LDIF examples of the chapter', () => {
    assert.equal(found.length, 4);
  });

  test('§15.5.3: the ipaWinSyncAcctDisable modify is clean', () => {
    const [plugin] = found;
    assert.match(plugin[0], /cn=ipa-winsync,cn=plugins,cn=config/);
    assert.deepEqual(diagnose(asTyped(plugin)), []);
  });

  test('§15.5.4 and §15.5.5: "dn:,cn=replica,…" has an empty first RDN, the only error', () => {
    for (const example of found.slice(1)) {
      const diagnostics = diagnose(asTyped(example));
      assert.deepEqual(codes(diagnostics, 'error'), ['dn/invalid'], example.join('\n'));
      const [error] = diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(error.range.start, { line: 0, character: 3 });
      assert.match(error.message, /Empty RDN/);
      assert.deepEqual(codes(diagnostics, 'warning'), []);
    }
  });

  test('§15.5.5: the oneWaySync value itself is valid', () => {
    const oneWay = found.find((example) => example.some((line) => /oneWaySync:/.test(line)));
    assert.ok(oneWay);
    const diagnostics = diagnose(asTyped(oneWay));
    assert.ok(
      diagnostics.every((d) => d.range.start.line === 0),
      JSON.stringify(diagnostics),
    );
  });
});

describe('389-DS "WinSync Move Action" (seed 002)', () => {
  const note = seed('002');
  const [configuration] = examples(note);
  const values = [...note.matchAll(/^\s*winSyncMoveAction:\s*(\S+)\s*$/gm)].map((match) => match[1]);

  test('shows the agreement configuration and the three values', () => {
    assert.ok(configuration.length >= 3);
    assert.deepEqual(values, ['none', 'delete', 'unsync']);
  });

  test("as printed, the page's no-break spaces and trailing padding are caught, with fixes", () => {
    const diagnostics = diagnose(`${configuration.map((line) => line.trimStart()).join('\n')}\n`);
    const noBreak = diagnostics.filter((d) => d.code === 'ldif/no-break-space');
    assert.equal(noBreak.length, 3);
    assert.ok(noBreak.every((d) => d.fixes?.length === 1));
    assert.ok(diagnostics.some((d) => d.code === 'ldif/trailing-space'));
  });

  for (const value of values) {
    test(`winSyncMoveAction: ${value} on the agreement gets the verdict the note gives`, () => {
      const text = [
        configuration[0].replace(/\u00a0/g, ' ').trim(),
        'changetype: modify',
        'replace: winSyncMoveAction',
        `winSyncMoveAction: ${value}`,
        '-',
        '',
      ].join('\n');
      const diagnostics = diagnose(text).filter((d) => d.range.start.line > 0);
      if (value === 'delete') {
        assert.deepEqual(
          diagnostics.map((d) => [d.severity, d.code]),
          [['warning', 'winsync/move-action-delete']],
        );
        assert.match(diagnostics[0].message, /delete/);
      } else assert.deepEqual(diagnostics, []);
      // The note writes the suffix RDN in the old quoted form, which 389-DS accepts: information only.
      assert.deepEqual(
        diagnose(text)
          .filter((d) => d.range.start.line === 0)
          .map((d) => [d.severity, d.code]),
        [['info', 'dn/legacy-form']],
      );
    });
  }

  test('a value outside none, delete and unsync is an error, though the server only logs it', () => {
    const text = [
      configuration[0].replace(/\u00a0/g, ' ').trim(),
      'changetype: modify',
      'replace: winSyncMoveAction',
      'winSyncMoveAction: remove',
      '-',
      '',
    ].join('\n');
    const [error] = diagnose(text).filter((d) => d.code === 'winsync/invalid-enum');
    assert.match(error.message, /expected one of none, delete, unsync/);
  });
});
