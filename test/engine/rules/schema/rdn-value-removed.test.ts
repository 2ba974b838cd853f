import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { current, diagnose, played } from '../../schema/records';

const CODE = 'schema/rdn-value-removed';

test('deleting a MUST (65), the only RDN value (65 naming cn), an RDN value beside another (67)', () => {
  assert.deepEqual(played('delete: sn', '-').answer, {
    code: 65,
    text: 'missing attribute "sn" required by object class "person"',
  });
  assert.deepEqual(played('delete: cn', '-').answer, {
    code: 65,
    text: 'missing attribute "cn" required by object class "person"',
  });
  assert.deepEqual(played('add: cn', 'cn: other', '-', 'delete: cn', 'cn: x', '-').answer, { code: 67, text: '' });
});

test('played on the live entry, reported on the DN, with what 389-DS answers; without the entry, not guessed', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: modify', 'add: cn', 'cn: other', '-', 'delete: cn', 'cn: x', '-'];
  const [d, ...rest] = diagnose(text, CODE, current);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'cn=x,dc=example');
  assert.equal(
    d.message,
    "The modify removes a value of the entry's RDN: rename the entry (modrdn) first, or keep the value. 389-DS answers 67 (Not allowed on RDN), with no message.",
  );
  assert.deepEqual(diagnose(text, CODE), []);
});
