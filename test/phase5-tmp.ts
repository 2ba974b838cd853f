import { openSync, readSync, closeSync } from 'node:fs';
import { readTextsSync, LineCounter } from '../server/src/cli/pieces';
import { QuietRecords } from '../server/src/engine/rules/quietRecords';
import { PartsCheck } from '../server/src/engine/partsCheck';
import { loadCatalog } from '../server/src/engine/catalog';
const FILE = '/tmp/winsync-ldif-bench/change-100k.ldif';
const catalog = loadCatalog();
function* chunks() { const fd = openSync(FILE, 'r'); const buf = Buffer.allocUnsafe(1 << 16); for (;;) { const n = readSync(fd, buf, 0, buf.length, null); if (n <= 0) break; yield Buffer.from(buf.subarray(0, n)); } closeSync(fd); }
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  let n = 0; for (const p of readTextsSync(chunks())) n += p.text.length;
  const read = performance.now() - t;
  t = performance.now();
  const q = new QuietRecords(catalog); let parts = 0, kept = 0;
  for (const p of readTextsSync(chunks())) for (const part of q.parts(p)) { parts++; kept += part.text.length; }
  const scan = performance.now() - t;
  t = performance.now();
  const q2 = new QuietRecords(catalog); const check = new PartsCheck({ catalog }); let diags = 0;
  for (const p of readTextsSync(chunks())) for (const part of q2.parts(p)) { const r = check.read(part); diags += r.syntax.length + r.records.length; }
  diags += check.acrossRecords().length;
  const all = performance.now() - t;
  console.log(`round ${round}: read+decode+cut ${read.toFixed(0)} ms; +scan ${scan.toFixed(0)} ms (${parts} parts, ${(kept / n * 100).toFixed(2)}% kept); +parse/check ${all.toFixed(0)} ms, ${diags} diags`);
}
