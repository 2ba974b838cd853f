import { openSync, readSync, closeSync } from 'node:fs';
import { readTextsSync, fileChunks } from '../server/src/cli/pieces';
const FILE = '/tmp/winsync-ldif-bench/change-100k.ldif';
function lastBlank(buf: Buffer, end: number): number {
  for (let at = buf.lastIndexOf(10, end - 1); at > 0; at = buf.lastIndexOf(10, at - 1)) {
    const before = buf[at - 1] === 13 ? at - 2 : at - 1;
    if (before >= 0 && buf[before] === 10) return at + 1;
  }
  return -1;
}
function* bytePieces(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  let pending = Buffer.allocUnsafe(1 << 17); let length = 0;
  for (;;) {
    if (pending.length - length < 1 << 16) { const bigger = Buffer.allocUnsafe(pending.length * 2); pending.copy(bigger, 0, 0, length); pending = bigger; }
    const n = readSync(fd, pending, length, 1 << 16, null);
    if (n === 0) break;
    const cut = lastBlank(pending, length + n);
    length += n;
    if (length < 1 << 16 || cut <= 0) continue;
    yield pending.toString('utf8', 0, cut);
    const next = Buffer.allocUnsafe(Math.max(1 << 17, length - cut + (1 << 16)));
    pending.copy(next, 0, cut, length); length -= cut; pending = next;
  }
  closeSync(fd);
  if (length > 0) yield pending.toString('utf8', 0, length);
}
for (let r = 0; r < 4; r++) {
  let t = performance.now(); let a = 0; for (const p of readTextsSync(fileChunks(FILE))) a += p.text.length; const cur = performance.now() - t;
  t = performance.now(); let b = 0; for (const p of bytePieces(FILE)) b += p.length; const byt = performance.now() - t;
  console.log(`current ${cur.toFixed(0)} ms (${a}), bytes ${byt.toFixed(0)} ms (${b})`);
}
