// nsds7NewWinUserSyncEnabled, observed on a real sync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labForTests, uniqueName } from './lab';

const { skip, s } = labForTests(async (session) => {
  await session.setAgreement('nsds7NewWinUserSyncEnabled', 'on');
});

test(
  'nsds7NewWinUserSyncEnabled off: new AD users are not created in 389-DS, linked ones still sync; on again: a skipped user comes only with its next AD change',
  { skip },
  async () => {
    const linked = uniqueName('nul');
    await s.createAdUser(linked);
    await s.until(`${linked} is created in 389-DS`, () => s.dsUser(linked));

    await s.setAgreement('nsds7NewWinUserSyncEnabled', 'off');
    const skipped = uniqueName('nus');
    await s.createAdUser(skipped);
    await s.modifyAdUser(linked, 'title', 'changed while off');
    await s.until(
      `the change to the linked user ${linked} arrives`,
      async () => (await s.dsUser(linked))?.title?.[0] === 'changed while off',
    );
    await s.syncPass();
    assert.equal(await s.dsUser(skipped), undefined, 'the new AD user is not created');

    await s.setAgreement('nsds7NewWinUserSyncEnabled', 'on');
    await s.syncPass();
    await s.syncPass();
    assert.equal(await s.dsUser(skipped), undefined, 'switching it back on does not bring the skipped user');
    await s.modifyAdUser(skipped, 'title', 'touched');
    await s.until(`${skipped} is created once it changes in AD`, () => s.dsUser(skipped));

    const fresh = uniqueName('nun');
    await s.createAdUser(fresh);
    await s.until(`a new AD user ${fresh} is created again`, () => s.dsUser(fresh));
  },
);
