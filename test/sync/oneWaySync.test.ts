// oneWaySync, observed on a real sync: which direction still flows, and what happens to the
// changes made on the side that does not sync once two-way sync is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labForTests, uniqueName } from './lab';

const { skip, s } = labForTests(async (session) => {
  await session.setAgreement('oneWaySync');
});

/** An AD user with a telephone number, synced into 389-DS while sync is two-way. */
async function syncedAdUser(prefix: string, phone: string): Promise<string> {
  const name = uniqueName(prefix);
  await s.createAdUser(name, s.lab.adSubtree, { telephoneNumber: phone });
  await s.until(
    `${name} is in 389-DS with its telephone number`,
    async () => (await s.dsUser(name))?.telephonenumber?.[0] === phone,
  );
  return name;
}

test(
  'oneWaySync fromWindows: AD changes arrive, 389-DS changes are not sent, and are overwritten and lost for good',
  { skip },
  async () => {
    const name = await syncedAdUser('owf', '+1 555 0100');
    await s.setAgreement('oneWaySync', 'fromWindows');

    const fromAd = uniqueName('owfa');
    await s.createAdUser(fromAd);
    await s.until(`the new AD user ${fromAd} is created in 389-DS`, () => s.dsUser(fromAd));

    const fromDs = uniqueName('owfd');
    await s.modifyDsUser(name, 'telephoneNumber', '+1 555 0111');
    await s.addDsUser(fromDs);
    await s.syncPass();
    assert.equal(await s.adUser(fromDs), undefined, 'the 389-DS add is not sent to AD');
    assert.deepEqual((await s.adUser(name))?.telephonenumber, ['+1 555 0100'], 'the 389-DS modify is not sent to AD');
    await s.syncPass();
    assert.deepEqual(
      (await s.dsUser(name))?.telephonenumber,
      ['+1 555 0111'],
      'sync sessions alone do not undo the 389-DS edit',
    );

    // The 389-DS edit survives only until the AD entry changes: then AD's values win.
    await s.modifyAdUser(name, 'title', 'AD touch');
    const overwritten = await s.until(`the AD change reaches ${name}`, async () => {
      const entry = await s.dsUser(name);
      return entry?.title?.[0] === 'AD touch' && entry;
    });
    assert.deepEqual(overwritten.telephonenumber, ['+1 555 0100'], 'the 389-DS edit is overwritten with the AD value');

    // Two-way again: the 389-DS add made meanwhile is not sent (the changelog position moved on).
    await s.setAgreement('oneWaySync');
    await s.syncPass();
    await s.syncPass();
    assert.equal(await s.adUser(fromDs), undefined, 'the 389-DS add made during fromWindows never reaches AD');
  },
);

test(
  'oneWaySync toWindows: 389-DS changes are sent, AD changes wait, and arrive once two-way sync is back',
  { skip },
  async () => {
    const name = await syncedAdUser('owt', '+1 555 0200');
    await s.setAgreement('oneWaySync', 'toWindows');

    const fromAd = uniqueName('owta');
    await s.modifyAdUser(name, 'telephoneNumber', '+1 555 0222');
    await s.createAdUser(fromAd);

    const fromDs = uniqueName('owtd');
    await s.modifyDsUser(name, 'description', 'changed in 389-DS during toWindows');
    await s.addDsUser(fromDs);
    await s.until(`the 389-DS add ${fromDs} is created in AD`, () => s.adUser(fromDs));
    await s.until(
      `the 389-DS modify reaches AD`,
      async () => (await s.adUser(name))?.description?.[0] === 'changed in 389-DS during toWindows',
    );

    await s.syncPass();
    assert.equal(await s.dsUser(fromAd), undefined, 'the AD add is not applied to 389-DS');
    assert.deepEqual(
      (await s.dsUser(name))?.telephonenumber,
      ['+1 555 0200'],
      'the AD modify is not applied to 389-DS',
    );

    // Two-way again: the AD changes made meanwhile do arrive (the DirSync cookie did not move).
    await s.setAgreement('oneWaySync');
    await s.until(`the AD add ${fromAd} made during toWindows arrives`, () => s.dsUser(fromAd));
    await s.until(
      'the AD modify made during toWindows arrives',
      async () => (await s.dsUser(name))?.telephonenumber?.[0] === '+1 555 0222',
    );
  },
);
