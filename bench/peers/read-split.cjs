// The floor for any LDIF reader in node: read the file as UTF-8 and split it into lines.
const { readFileSync } = require('node:fs');

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
console.log(JSON.stringify({ ok: true, lines: lines.length }));
