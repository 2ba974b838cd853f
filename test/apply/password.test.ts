import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { passwordFromEnv, readPasswordFile } from '../../server/src/apply/password';
import { tempDir } from '../tempDir';

test('a password file loses one trailing newline and warns when others can read it', async () => {
  const dir = tempDir('winsync-pw-');
  const file = join(dir, 'pw');
  writeFileSync(file, 'p@ss word\n');
  chmodSync(file, 0o600);
  const private_ = await readPasswordFile(file);
  assert.equal(private_.password.reveal(), 'p@ss word');
  assert.equal(private_.warning, undefined);
  chmodSync(file, 0o644);
  const shared = await readPasswordFile(file);
  assert.match(shared.warning ?? '', /can be read by other users \(mode 644\); run chmod 600/);
  assert.doesNotMatch(shared.warning ?? '', /p@ss/);
});

test('a missing password file or variable is a usage error naming the source, not a value', async () => {
  await assert.rejects(readPasswordFile('/nonexistent/pw'), /The password file \/nonexistent\/pw does not exist/);
  assert.throws(() => passwordFromEnv({}, 'LDAP_PW'), /LDAP_PW named by --password-env is not set/);
  assert.throws(() => passwordFromEnv({ LDAP_PW: '' }, 'LDAP_PW'), /is empty/);
  assert.equal(passwordFromEnv({ LDAP_PW: 'x' }, 'LDAP_PW').reveal(), 'x');
});
