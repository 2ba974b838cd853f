import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { readTextsSync } from '../server/src/cli/pieces';
import { QuietRecords } from '../server/src/engine/rules/quietRecords';
import { PartsCheck } from '../server/src/engine/partsCheck';
import { loadCatalog } from '../server/src/engine/catalog';
const FILE = process.env.FILE ?? '/tmp/winsync-ldif-bench/change-100k.ldif';
function* rangeChunks(path: string, start: number, end: number) {
  const fd = openSync(path, 'r');
  try { let at = start; while (at < end) { const size = Math.min(1 << 16, end - at); const b = Buffer.allocUnsafe(size); const n = readSync(fd, b, 0, size, at); if (n <= 0) return; at += n; yield n === size ? b : b.subarray(0, n); } } finally { closeSync(fd); }
}
function checkRange(start: number, end: number, atFileStart: boolean) {
  const catalog = loadCatalog();
  const quiet = new QuietRecords(catalog);
  const check = new PartsCheck({ catalog });
  let count = 0;
  for (const piece of readTextsSync(rangeChunks(FILE, start, end))) {
    for (const part of quiet.parts({ text: piece.text, atFileStart: atFileStart && piece.atFileStart })) { const r = check.read(part); count += r.syntax.length + r.records.length; }
  }
  return count + check.acrossRecords().length;
}
function cutAt(path: string, near: number): number {
  const fd = openSync(path, 'r'); const b = Buffer.alloc(1 << 16); const n = readSync(fd, b, 0, b.length, near); closeSync(fd);
  const i = b.subarray(0, n).indexOf('\n\n'); return near + i + 2;
}
if (!isMainThread) {
  const { start, end } = workerData; parentPort!.postMessage(checkRange(start, end, false));
} else {
  const size = fstatSync(openSync(FILE, 'r')).size;
  const mode = process.env.MODE ?? 'par';
  const t = performance.now();
  if (mode === 'seq') console.log('seq', checkRange(0, size, true), (performance.now() - t).toFixed(0), 'ms');
  else {
    const share = Number(process.env.SHARE ?? 0.5);
    const cut = cutAt(FILE, Math.floor(size * share));
    const worker = new Worker(__filename, { workerData: { start: cut, end: size } });
    const other = new Promise<number>((r) => worker.once('message', r));
    const mine = checkRange(0, cut, true);
    const t1 = performance.now();
    void other.then((theirs) => { void worker.terminate();
    console.log('par', mine + theirs, (performance.now() - t).toFixed(0), 'ms (main done at', (t1 - t).toFixed(0), ')'); });
  }
}
