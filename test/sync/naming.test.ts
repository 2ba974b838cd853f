// How winsync names what it creates in AD, observed on a real sync: after the cn, so two 389-DS
// users with the same cn collide, and the second is lost without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labForTests, uniqueName } from './lab';

const { skip, s } = labForTests();

test(
  'a 389-DS user becomes CN=<cn> in AD; a second user with the same cn is never created there, the errors log and the status say nothing',
  { skip },
  async () => {
    const first = uniqueName('cna');
    const second = uniqueName('cnb');
    const cn = `Same Name ${first}`;
    await s.addDsUser(first, { cn });
    const created = await s.until(`${first} is created in AD`, () => s.adUser(first));
    assert.equal(created.dn[0].toLowerCase(), s.adDn(cn).toLowerCase(), 'the AD entry is named after the cn');

    const mark = s.errorsLogMark();
    await s.addDsUser(second, { cn });
    await s.syncPass();
    await s.syncPass();
    assert.equal(await s.adUser(second), undefined, 'the second user is not in AD');
    assert.equal((await s.dsUser(second))?.ntuniqueid, undefined, 'nor linked to anything');
    assert.doesNotMatch(s.errorsLogSince(mark), new RegExp(second, 'i'), 'nothing about it in the errors log');
    assert.match(
      (await s.agreement()).nsds5replicalastupdatestatus?.[0] ?? '',
      /^Error \(0\) Replica acquired successfully: Incremental update succeeded/,
    );
  },
);
