import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('a document the checks fail on gets one diagnostic saying so, and the server goes on serving other files', async () => {
  // 300 000 values in one record once overflowed the call stack inside a rule (rules/recordLines.ts).
  const heavy = await client.open(
    'file:///work/heavy.ldif',
    `dn: cn=a,dc=example,dc=com\n${'cn: x\n'.repeat(300_000)}`,
    60_000,
  );
  for (const diagnostic of heavy.filter((d) => d.code === 'winsync/check-failed')) {
    assert.match(String(diagnostic.message), /could not check this file .*other files are still checked/);
  }
  const next = await client.open('file:///work/next.ldif', 'dn: cn=a,dc=example,dc=com\nchangetype: update\n');
  assert.deepEqual(
    next.map((d) => d.code),
    ['ldif/unknown-changetype'],
  );
});
