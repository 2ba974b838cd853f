import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseWithDiagnostics as parseLdif } from '../engine/rules/helpers';
import { getLanguageService } from '../../server/src/engine/service';

const service = getLanguageService();

/** A full garbage collection, so heap sizes mean live data. */
function collect(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('the parser on hostile input', () => {
  test('a line folded a million times, a no-break space on each piece, is read in linear time', () => {
    const text = `dn: cn=x,dc=example,dc=com\ndescription: a${'\n \u00a0'.repeat(1_000_000)}\n`;
    const started = performance.now();
    const document = parseLdif(text);
    const [problem] = document.problems;
    assert.equal(problem.code, 'ldif/no-break-space');
    // Mapping each of the million offsets back to its line once took a scan of every piece.
    assert.equal(problem.fixes?.[0].edits.length, 1_000_000);
    assert.deepEqual(problem.fixes?.[0].edits[999_999].range, {
      start: { line: 1_000_001, character: 1 },
      end: { line: 1_000_001, character: 2 },
    });
    assert.ok(performance.now() - started < 20_000, `${Math.round(performance.now() - started)} ms`);
  });

  test('a record of 300 000 bad lines gets 300 000 problems instead of a stack overflow', () => {
    const document = parseLdif(`dn: cn=x,dc=example,dc=com\n${'no colon here\n'.repeat(300_000)}`);
    assert.equal(document.problems.filter((problem) => problem.code === 'ldif/missing-colon').length, 300_000);
  });
});

describe('the parsed document across edits', () => {
  test('blocks kept from older versions do not keep those versions of the text alive', () => {
    const gc = collect();
    const records = Array.from({ length: 100_000 }, (_, i) => `dn: cn=user${i},dc=example,dc=com\ncn: user${i}\n`);
    let text = records.join('\n');
    let document = service.parse(text);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 10; k++) {
      // One character of a different record each time: every other block is reused.
      const at = text.indexOf(`cn=user${k * 9_000 + 5},`) + 3;
      text = `${text.slice(0, at)}U${text.slice(at + 1)}`;
      document = service.parse(text, document);
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    // Each version of the text is 5 MiB; keeping them would add 50 MiB.
    assert.ok(grown < 15, `heap grew by ${grown.toFixed(1)} MiB over 10 edits`);
    assert.equal(document.ldif.records.length, 100_000);
  });
});

describe('records far larger than any real one', () => {
  test('validating a record of 300 000 values', () => {
    const diagnostics = service.validate(service.parse(`dn: cn=a,dc=example,dc=com\n${'cn: x\n'.repeat(300_000)}`));
    assert.ok(diagnostics.every((d) => d.severity !== 'error'));
  });

  test('a fix that removes the last line of a file without a final line break stays inside the file', () => {
    const text =
      'dn: cn=ipa-winsync,cn=plugins,cn=config\nchangetype: modify\nreplace: nsds7WindowsReplicaSubtree\nnsds7WindowsReplicaSubtree: cn=users,dc=example,dc=com';
    const lineCount = text.split('\n').length;
    for (const diagnostic of service.validate(service.parse(text))) {
      for (const edit of diagnostic.fixes?.flatMap((fix) => fix.edits) ?? [])
        assert.ok(edit.range.end.line < lineCount, `${diagnostic.code}: ${JSON.stringify(edit.range)}`);
    }
  });

  test('folding a record of 300 000 comments', () => {
    const ranges = service.getFoldingRanges(
      service.parse(`dn: cn=a,dc=example,dc=com\n${'# c\n'.repeat(300_000)}cn: a\n`),
    );
    assert.deepEqual(
      ranges.find((range) => range.kind === 'comment'),
      { startLine: 1, endLine: 300_000, kind: 'comment' },
    );
  });
});
