import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateToFile, generateToString } from '../../bench/generate';
import { getLanguageService } from '../../server/src/engine/service';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

test('the same seed and options give the same bytes, in memory and on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winsync-generate-'));
  try {
    const options = { seed: 42, records: 400, errorRate: 0.05 };
    const first = generateToFile(join(dir, 'a.ldif'), options);
    const second = generateToFile(join(dir, 'b.ldif'), options);
    const a = readFileSync(join(dir, 'a.ldif'));
    assert.equal(sha(a), sha(readFileSync(join(dir, 'b.ldif'))));
    assert.equal(sha(a), sha(generateToString(options)));
    assert.deepEqual(first, second);
    assert.equal(first.bytes, a.length);
    assert.equal(first.records, 400);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another seed gives other bytes', () => {
  assert.notEqual(sha(generateToString({ seed: 1, records: 50 })), sha(generateToString({ seed: 2, records: 50 })));
});

test('the size limits stop the output at the first record past them', () => {
  const byLines = generateToString({ seed: 3, lines: 1000 });
  const lines = byLines.split('\n').length - 1;
  assert.ok(lines >= 1000 && lines < 1500, `${lines} lines`);
  assert.ok(Buffer.byteLength(generateToString({ seed: 3, bytes: 20_000 })) >= 20_000);
});

test('without errors the output holds every record kind and only the mistakes it was asked for', () => {
  const service = getLanguageService();
  const clean = generateToString({ seed: 5, records: 3000, errorRate: 0 });
  const document = service.parse(clean);
  const kinds = new Set(document.ldif.records.map((record) => record.kind));
  assert.deepEqual([...kinds].sort(), ['add', 'delete', 'moddn', 'modify', 'modrdn']);
  const errors = service.validate(document, { maxDiagnostics: Infinity }).filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1}: ${d.message}`),
    [],
  );
  const broken = service.parse(generateToString({ seed: 5, records: 3000, errorRate: 0.2 }));
  assert.ok(service.validate(broken, { maxDiagnostics: Infinity }).some((d) => d.severity === 'error'));
});
