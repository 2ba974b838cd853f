import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/bind-method-transport';

test('SSLCLIENTAUTH without a transport (plain LDAP by default) is an error on the bind method', () => {
  const text = agreementAdd({ omit: ['nsDS5ReplicaTransportInfo'], extra: ['nsDS5ReplicaBindMethod: SSLCLIENTAUTH'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'SSLCLIENTAUTH');
  assert.match(
    d.message,
    /TLS client certificate, but this agreement's transport is plain LDAP \(nsDS5ReplicaTransportInfo is not set, and LDAP is its default\)/,
  );
  assert.match(d.message, /53 \(Unwilling to perform\)/);
  assert.deepEqual(
    d.fixes?.map((fix) => fix.title),
    ['Use transport StartTLS', 'Use transport LDAPS'],
  );
  assert.deepEqual(applyFix(text, d.fixes?.[0]).slice(-2), [
    'nsDS5ReplicaBindMethod: SSLCLIENTAUTH',
    'nsDS5ReplicaTransportInfo: StartTLS',
  ]);
});

test('an explicit LDAP transport, or one the server does not know, is replaced by the fix', () => {
  const explicit = agreementAdd({
    omit: ['nsDS5ReplicaTransportInfo'],
    extra: ['nsDS5ReplicaTransportInfo: ldap', 'nsDS5ReplicaBindMethod: sslclientauth'],
  });
  const [d] = diagnose(explicit, CODE);
  assert.match(d.message, /\(nsDS5ReplicaTransportInfo: ldap\)/);
  assert.equal(applyFix(explicit, d.fixes?.[1]).at(-2), 'nsDS5ReplicaTransportInfo: LDAPS');
  const bogus = agreementAdd({
    omit: ['nsDS5ReplicaTransportInfo'],
    extra: ['nsDS5ReplicaTransportInfo: secure', 'nsDS5ReplicaBindMethod: SSLCLIENTAUTH'],
  });
  assert.match(diagnose(bogus, CODE)[0].message, /"secure" is not a transport the server knows, so it uses LDAP/);
});

test('a modify that sets both says the server accepts it but the agreement cannot authenticate', () => {
  const text = [
    AGREEMENT_DN,
    'changetype: modify',
    'replace: nsDS5ReplicaBindMethod',
    'nsDS5ReplicaBindMethod: SSLCLIENTAUTH',
    '-',
    'replace: nsDS5ReplicaTransportInfo',
    'nsDS5ReplicaTransportInfo: LDAP',
    '-',
    'replace: winSyncInterval',
    'winSyncInterval: 300',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /accepts this modify, but the agreement can no longer authenticate/);
});

test('encrypted transports, other bind methods, and modifies that leave the transport unknown are fine', () => {
  assert.deepEqual(diagnose(agreementAdd({ extra: ['nsDS5ReplicaBindMethod: SSLCLIENTAUTH'] }), CODE), []);
  assert.deepEqual(
    diagnose(
      agreementAdd({
        omit: ['nsDS5ReplicaTransportInfo'],
        extra: ['nsDS5ReplicaTransportInfo: TLS', 'nsDS5ReplicaBindMethod: SSLCLIENTAUTH'],
      }),
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(agreementAdd({ omit: ['nsDS5ReplicaTransportInfo'], extra: ['nsDS5ReplicaBindMethod: SIMPLE'] }), CODE),
    [],
  );
  assert.deepEqual(
    diagnose(
      [
        AGREEMENT_DN,
        'changetype: modify',
        'replace: nsDS5ReplicaBindMethod',
        'nsDS5ReplicaBindMethod: SSLCLIENTAUTH',
        '-',
        'replace: winSyncInterval',
        'winSyncInterval: 300',
        '-',
      ],
      CODE,
    ),
    [],
  );
});
