// nsds5BeginReplicaRefresh: start, observed on a real sync: a total update brings both sides
// together again, including what incremental sync skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labForTests, uniqueName } from './lab';

const { skip, s } = labForTests(async (session) => {
  await session.setAgreement('nsds7NewWinUserSyncEnabled', 'on');
  await session.setAgreement('oneWaySync');
});

test(
  'nsds5BeginReplicaRefresh: start runs a total update: the attribute goes away, the init status says so, and entries incremental sync skipped are synced',
  { skip },
  async () => {
    // An AD user skipped while new-user sync was off, and a 389-DS user skipped while fromWindows.
    await s.setAgreement('nsds7NewWinUserSyncEnabled', 'off');
    await s.setAgreement('oneWaySync', 'fromWindows');
    const fromAd = uniqueName('tua');
    const fromDs = uniqueName('tud');
    await s.createAdUser(fromAd);
    await s.addDsUser(fromDs);
    await s.syncPass();
    await s.setAgreement('nsds7NewWinUserSyncEnabled', 'on');
    await s.setAgreement('oneWaySync');
    await s.syncPass();
    assert.equal(await s.dsUser(fromAd), undefined, 'the AD user was skipped');
    assert.equal(await s.adUser(fromDs), undefined, 'the 389-DS user was skipped');

    await s.setAgreement('nsds5BeginReplicaRefresh', 'start');
    const done = await s.until(
      'the total update is over (the server removed nsds5BeginReplicaRefresh)',
      async () => {
        const agreement = await s.agreement();
        return agreement.nsds5beginreplicarefresh === undefined && agreement;
      },
      120,
    );
    assert.match(done.nsds5replicalastinitstatus?.[0] ?? '', /^Error \(0\) Total update succeeded/);
    assert.ok(await s.dsUser(fromAd), 'the skipped AD user is created in 389-DS');
    assert.ok(await s.adUser(fromDs), 'the skipped 389-DS user is created in AD');
  },
);
