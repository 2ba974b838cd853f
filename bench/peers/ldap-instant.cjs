// An LDAP responder on 127.0.0.1 that answers every request with success at once, for measuring
// what a client itself costs per operation (npm run bench, section apply). Prints its port.
// BER as RFC 4511 frames it: SEQUENCE { messageID, protocolOp [APPLICATION n] ... }.
const net = require('node:net');

function lengthAt(buffer, at) {
  const first = buffer[at];
  if (first < 0x80) return [first, at + 1];
  let length = 0;
  for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + buffer[at + 1 + i];
  return [length, at + 1 + (first & 0x7f)];
}

// resultCode success, matchedDN "", diagnosticMessage ""
const SUCCESS = Buffer.from([0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00]);
const UNBIND = 0x42;
const SEARCH = 0x63;
const SEARCH_DONE = 0x65;

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const replies = [];
    while (pending.length >= 2) {
      const [length, body] = lengthAt(pending, 1);
      if (pending.length < body + length) break;
      const idLength = pending[body + 1];
      const id = pending.subarray(body, body + 2 + idLength);
      const tag = pending[body + 2 + idLength];
      pending = pending.subarray(body + length);
      if (tag === UNBIND) return void socket.end();
      const op = Buffer.concat([Buffer.from([tag === SEARCH ? SEARCH_DONE : tag + 1, SUCCESS.length]), SUCCESS]);
      replies.push(Buffer.from([0x30, id.length + op.length]), id, op);
    }
    if (replies.length > 0) socket.write(Buffer.concat(replies));
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
