import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose, pluginReplace } from '../helpers';

function filterCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('filter/'));
}

test('parser warnings pass through under their own codes: (&) is filter/empty-set', () => {
  const text = pluginReplace('ipaWinSyncRealmFilter', '(&)');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/empty-set');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '(&)');
  assert.match(d.message, /^ipaWinSyncRealmFilter: \(&\) is the RFC 4526 absolute-true filter/);
});
