import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeHazard, isAgreementDn } from '../../server/src/apply/agreementHazards';
import { preflight } from '../../server/src/apply/preflight';
import { textInput } from '../../server/src/apply/source';
import { loadCatalog } from '../../server/src/engine/catalog';

const AGREEMENT = 'cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
const HOST = (dn: string, op = 'replace') =>
  `dn: ${dn}\nchangetype: modify\n${op}: nsDS5ReplicaHost\nnsDS5ReplicaHost: dc2.ad.example.com\n-\n`;
const DELETE = (dn: string) => `dn: ${dn}\nchangetype: delete\n`;

async function hazards(text: string, only?: number[]) {
  const found = await preflight([textInput('run.ldif', undefined, text)], {
    catalog: loadCatalog(),
    maxFileValueBytes: 1024,
    ...(only ? { only: new Set(only) } : {}),
  });
  return found.hazards;
}

test('a host change followed by a delete of the same agreement is found, with both records', async () => {
  const text = [HOST(AGREEMENT), DELETE(AGREEMENT.toUpperCase().replace('CN=AD-SYNC', 'cn=AD-Sync'))].join('\n');
  const [hazard, ...rest] = await hazards(text);
  assert.deepEqual(rest, []);
  assert.deepEqual(hazard.hostChange, { file: 'run.ldif', index: 0, line: 1 });
  assert.deepEqual(hazard.deletion, { file: 'run.ldif', index: 1, line: 7 });
  assert.equal(
    describeHazard(hazard),
    `run.ldif:7 deletes the agreement ${hazard.dn} after run.ldif:1 changes its nsDS5ReplicaHost: 389-DS crashes on such a delete (the modify handler keeps a pointer into the modified entry, and the delete frees it twice). Apply the host change and the delete in separate runs and restart the server in between (dsctl INSTANCE restart), so that it reloads the agreement from dse.ldif; or leave the host change out if the agreement is deleted anyway.`,
  );
});

test('any host mod-spec counts (add, delete), anywhere under the mapping tree; other changes and orders do not', async () => {
  const elsewhere = 'cn=moved,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';
  assert.equal((await hazards([HOST(AGREEMENT, 'delete'), DELETE(AGREEMENT)].join('\n'))).length, 1);
  assert.equal((await hazards([HOST(elsewhere, 'add'), DELETE(elsewhere)].join('\n'))).length, 1);
  // Delete first, then a host change of a new agreement by that name: no freed pointer.
  assert.deepEqual(await hazards([DELETE(AGREEMENT), HOST(AGREEMENT)].join('\n')), []);
  // Another agreement, another attribute, or an entry outside the mapping tree.
  const other = AGREEMENT.replace('ad-sync', 'other');
  assert.deepEqual(await hazards([HOST(other), DELETE(AGREEMENT)].join('\n')), []);
  const port = `dn: ${AGREEMENT}\nchangetype: modify\nreplace: nsDS5ReplicaPort\nnsDS5ReplicaPort: 636\n-\n`;
  assert.deepEqual(await hazards([port, DELETE(AGREEMENT)].join('\n')), []);
  const user = 'uid=a,ou=People,dc=example,dc=com';
  assert.deepEqual(await hazards([HOST(user), DELETE(user)].join('\n')), []);
});

test('only the records of an editor selection count', async () => {
  const text = [HOST(AGREEMENT), DELETE(AGREEMENT)].join('\n');
  assert.deepEqual(await hazards(text, [1]), []);
  assert.equal((await hazards(text, [0, 1])).length, 1);
});

test('agreements are told by place: below a cn=replica entry of the mapping tree', () => {
  assert.ok(isAgreementDn(AGREEMENT));
  assert.ok(!isAgreementDn('cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config'));
  assert.ok(!isAgreementDn('cn=ad-sync,cn=replica,dc=example,dc=com'));
});
