import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/move-action-delete';

test('winSyncMoveAction: delete is a warning explaining which directory entries get deleted', () => {
  const text = agreementReplace('winSyncMoveAction', 'delete');
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'delete');
  assert.match(d.message, /delete the directory entry with the same user or group name/);
  assert.match(d.message, /although nothing was deleted in AD, and even if the two were never in sync/);
  assert.match(d.message, /Use none \(the default\) or unsync/);
});

test('the fixes switch to none (preferred) or unsync', () => {
  const text = agreementAdd({ extra: ['winSyncMoveAction: DELETE'] });
  const [d] = diagnose(text, CODE);
  assert.deepEqual(
    d.fixes?.map((fix) => [fix.title, fix.preferred]),
    [
      ['Change to "none"', true],
      ['Change to "unsync"', false],
    ],
  );
  assert.equal(applyFix(text, d.fixes?.[1]).at(-1), 'winSyncMoveAction: unsync');
});

test('other move actions, deleting the attribute and other entries are not reported', () => {
  assert.deepEqual(diagnose(agreementReplace('winSyncMoveAction', 'unsync'), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('winSyncMoveAction', 'none'), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('winSyncMoveAction'), CODE), []);
  assert.deepEqual(diagnose(pluginReplace('winSyncMoveAction', 'delete'), CODE), []);
});
