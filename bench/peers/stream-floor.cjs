// The floor for any streaming LDIF reader in node, read the way `check` reads a file: 64 KiB
// pieces read synchronously, decoded as UTF-8, and the start of every line found and kept
// (one array per piece, as a parser would). Prints the line and byte counts.
const { closeSync, openSync, readSync } = require('node:fs');
const { StringDecoder } = require('node:string_decoder');

const PIECE = 1 << 16;
const fd = openSync(process.argv[2], 'r');
const decoder = new StringDecoder('utf8');
let lines = 0;
let bytes = 0;
for (;;) {
  const chunk = Buffer.allocUnsafe(PIECE);
  const read = readSync(fd, chunk, 0, PIECE, null);
  if (read === 0) break;
  bytes += read;
  const text = decoder.write(read === PIECE ? chunk : chunk.subarray(0, read));
  const starts = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  lines += starts.length;
}
closeSync(fd);
console.log(JSON.stringify({ ok: true, lines, bytes }));
