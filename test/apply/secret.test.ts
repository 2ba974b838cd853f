import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { isSecretAttribute, redact, Secret } from '../../server/src/apply/secret';

test('a Secret prints as [secret] through strings, JSON and inspect', () => {
  const secret = new Secret('hunter2');
  assert.equal(`${secret}`, '[secret]');
  assert.equal(JSON.stringify({ password: secret }), '{"password":"[secret]"}');
  assert.doesNotMatch(inspect({ secret }), /hunter2/);
  assert.equal(secret.reveal(), 'hunter2');
});

test('password and credential attributes are secret, with options and in any case', () => {
  for (const name of [
    'userPassword',
    'nsDS5ReplicaCredentials',
    'unicodePwd',
    'userPassword;binary',
    'NSDS5REPLICACREDENTIALS',
    'nsslapd-rootpw',
  ]) {
    assert.equal(isSecretAttribute(name), true, name);
  }
  for (const name of ['cn', 'winSyncMoveAction', 'nsds7WindowsReplicaSubtree', 'description'])
    assert.equal(isSecretAttribute(name), false, name);
});

test('redact replaces every whole occurrence of every secret', () => {
  assert.equal(
    redact('a hunter2 b hunter2 c s3', ['hunter2', new Secret('s3')]),
    'a [withheld] b [withheld] c [withheld]',
  );
  assert.equal(redact('value "Secret123!" refused', ['Secret123!']), 'value "[withheld]" refused');
  assert.equal(redact('unchanged', ['']), 'unchanged');
});

test('a short password hides only whole occurrences, not the letters of every word', () => {
  assert.equal(redact('The entry e has the value e.', ['e']), 'The entry [withheld] has the value [withheld].');
  assert.equal(redact('password=x9 and x99', ['x9']), 'password=[withheld] and x99');
  // Where the secret ends in punctuation, what follows it does not matter.
  assert.equal(redact('pw!:abc', ['pw!']), '[withheld]:abc');
});
