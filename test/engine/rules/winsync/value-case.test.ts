import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, diagnose } from '../helpers';

test('allowed values in another case are accepted with a style hint to the documented spelling', () => {
  assert.deepEqual(diagnose(agreementReplace('winSyncMoveAction', 'UNSYNC'), 'winsync/invalid-enum'), []);
  const [hint] = diagnose(agreementReplace('winSyncMoveAction', 'UNSYNC'), 'winsync/value-case');
  assert.equal(hint.severity, 'info');
  assert.equal(hint.fixes?.[0].edits[0].newText, 'unsync');
});
