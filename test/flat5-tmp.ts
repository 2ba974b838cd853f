import { openSync, readSync, closeSync } from 'node:fs';
import { readTextsSync } from '../server/src/cli/pieces';
import { QuietRecords } from '../server/src/engine/rules/quietRecords';
import { loadCatalog } from '../server/src/engine/catalog';
const FILE = '/tmp/winsync-ldif-bench/change-100k.ldif';
const catalog = loadCatalog();
function* chunks() { const fd = openSync(FILE, 'r'); for (;;) { const buf = Buffer.allocUnsafe(1 << 16); const n = readSync(fd, buf, 0, buf.length, null); if (n <= 0) break; yield n === buf.length ? buf : buf.subarray(0, n); } closeSync(fd); }
const sliced = [...readTextsSync(chunks())].slice(0, 600);
const flat = sliced.map((p) => ({ ...p, text: Buffer.from(p.text, 'utf8').toString('utf8') }));
const scan = (pieces: typeof sliced) => { const q = new QuietRecords(catalog); let n = 0; const t = performance.now(); for (const p of pieces) n += q.parts(p).length; return performance.now() - t; };
for (let r = 0; r < 4; r++) { const f = scan(flat); const s = scan(sliced); console.log(`flat ${f.toFixed(0)} ms, sliced ${s.toFixed(0)} ms`); }
