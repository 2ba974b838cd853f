// winSyncMoveAction, observed on a real sync: an AD user moved out of the synced container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labForTests, uniqueName } from './lab';

const { skip, s } = labForTests(async (session) => {
  await session.setAgreement('winSyncMoveAction', 'none');
});

/** An AD user in the synced container, and its 389-DS twin once winsync created it. */
async function syncedAdUser(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await s.createAdUser(name);
  await s.until(`${name} is created in 389-DS`, () => s.dsUser(name));
  return name;
}

test(
  'winSyncMoveAction none: the 389-DS twin of an AD user moved out of the subtree stays as it was, still linked',
  { skip },
  async () => {
    await s.setAgreement('winSyncMoveAction', 'none');
    const name = await syncedAdUser('mvn');
    const before = await s.dsUser(name);
    await s.moveAdUser(name, s.lab.adOutside);
    await s.syncPass();
    const after = await s.dsUser(name);
    assert.ok(after, 'the 389-DS entry still exists');
    assert.ok(after.objectclass.map((value) => value.toLowerCase()).includes('ntuser'), 'still an ntUser');
    assert.deepEqual(after.ntuniqueid, before?.ntuniqueid, 'still linked to the same AD object');
  },
);

test(
  'winSyncMoveAction delete: the twin is deleted, and so is a 389-DS entry that was never synced when an AD user of the same name appears outside',
  { skip },
  async () => {
    const applied = await s.setAgreement('winSyncMoveAction', 'delete');
    assert.ok(
      applied.diagnostics.some((diagnostic) => diagnostic.code === 'winsync/move-action-delete'),
      'the validator warns before "delete" is applied',
    );
    const name = await syncedAdUser('mvd');
    await s.moveAdUser(name, s.lab.adOutside);
    await s.until(`the 389-DS twin of ${name} is deleted`, async () => (await s.dsUser(name)) === undefined);
    await s.syncPass();
    assert.match(
      (await s.adUser(name))?.dn[0] ?? '',
      /,OU=Outside,/i,
      'the AD user stays where it was moved: the delete is not sent back to AD',
    );

    // A 389-DS entry without ntUser, never in sync, and an AD user created outside the subtree
    // with the same sAMAccountName: the move action deletes the 389-DS entry all the same.
    const other = uniqueName('mvo');
    await s.applyLdif(
      `dn: ${s.dsDn(other)}\nchangetype: add\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\n` +
        `objectClass: inetOrgPerson\nuid: ${other}\ncn: Directory only\nsn: Only\n`,
    );
    await s.createAdUser(other, s.lab.adOutside);
    await s.until(
      `the never-synced 389-DS entry ${other} is deleted`,
      async () => (await s.dsUser(other)) === undefined,
    );
  },
);

test(
  'winSyncMoveAction unsync: the twin stays but loses ntUser and the sync attributes; moving the AD user back does not link it again (error 65)',
  { skip },
  async () => {
    await s.setAgreement('winSyncMoveAction', 'unsync');
    const name = await syncedAdUser('mvu');
    await s.moveAdUser(name, s.lab.adOutside);
    const unsynced = await s.until(`${name} loses its ntUser object class in 389-DS`, async () => {
      const entry = await s.dsUser(name);
      return entry && !entry.objectclass.some((value) => value.toLowerCase() === 'ntuser') && entry;
    });
    for (const attribute of ['ntuniqueid', 'ntuserdomainid', 'ntuserdeleteaccount']) {
      assert.equal(unsynced[attribute], undefined, `${attribute} is removed`);
    }

    // The design note says moving it back re-links the entries; the real sync does not.
    const mark = s.errorsLogMark();
    await s.moveAdUser(name, s.lab.adSubtree);
    await s.syncPass();
    await s.syncPass();
    const back = await s.dsUser(name);
    assert.ok(
      back && !back.objectclass.some((value) => value.toLowerCase() === 'ntuser'),
      'still not an ntUser after the move back',
    );
    assert.match(s.errorsLogSince(mark), new RegExp(`Failed to modify entry uid=${name},.*error 65`, 'i'));

    // What does link it again: ntUser and ntUserDomainId added by hand, then any change in AD.
    await s.applyLdif(
      `dn: ${s.dsDn(name)}\nchangetype: modify\nadd: objectClass\nobjectClass: ntUser\n-\nadd: ntUserDomainId\nntUserDomainId: ${name}\n-\n`,
    );
    await s.modifyAdUser(name, 'title', 'relinked');
    await s.until(`${name} is linked again (ntUniqueId, and the AD change arrives)`, async () => {
      const entry = await s.dsUser(name);
      return entry?.ntuniqueid !== undefined && entry.title?.[0] === 'relinked';
    });
  },
);
