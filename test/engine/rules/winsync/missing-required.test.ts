import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, PLUGIN_DN, covered, diagnose, pluginReplace } from '../helpers';
import { agreementAdd, applyFix, pluginContent } from '../winsyncFixtures';

const CODE = 'winsync/missing-required';

test('an agreement add without a host is an error that explains the silent 53', () => {
  const text = agreementAdd({ omit: ['nsDS5ReplicaHost'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), AGREEMENT_DN);
  assert.match(
    d.message,
    /^Missing nsDS5ReplicaHost\. Every sync agreement needs it; 389-DS refuses the add with 53 \(Unwilling to perform\) and no reason/,
  );
  assert.match(d.message, /nsDS5ReplicaHost: Host name \(or IP address\) of the Active Directory domain controller/);
  // No value is known for a host, so there is no fix to offer.
  assert.equal(d.fixes, undefined);
});

test('each missing attribute gets its own diagnostic', () => {
  const missing = diagnose(agreementAdd({ omit: ['nsDS5ReplicaHost', 'nsDS5ReplicaPort', 'nsDS5ReplicaRoot'] }), CODE);
  assert.deepEqual(
    missing.map((d) => /^Missing (\S+)\./.exec(d.message)?.[1]),
    ['nsDS5ReplicaHost', 'nsDS5ReplicaPort', 'nsDS5ReplicaRoot'],
  );
});

test('a missing nsDS5ReplicaRoot is added with the suffix from the DN', () => {
  const text = agreementAdd({ omit: ['nsDS5ReplicaRoot'] });
  const [d] = diagnose(text, CODE);
  assert.equal(d.fixes?.[0].title, 'Add nsDS5ReplicaRoot: dc=example,dc=com');
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [...text, 'nsDS5ReplicaRoot: dc=example,dc=com']);
});

test('bind DN and password are required for SIMPLE (also when the method is absent) and DIGEST-MD5, not for GSSAPI or client certificates', () => {
  const noCredentials = agreementAdd({ omit: ['nsDS5ReplicaBindDN', 'nsDS5ReplicaCredentials'] });
  const simple = diagnose(noCredentials, CODE);
  assert.equal(simple.length, 2);
  assert.match(
    simple[0].message,
    /^Missing nsDS5ReplicaBindDN\. With a SIMPLE or SASL\/DIGEST-MD5 bind \(SIMPLE is the default\) an agreement needs both a bind DN and a password/,
  );
  assert.equal(diagnose([...noCredentials, 'nsDS5ReplicaBindMethod: sasl/digest-md5'], CODE).length, 2);
  assert.equal(
    diagnose([...noCredentials, 'nsDS5ReplicaBindMethod: bogus'], CODE).length,
    2,
    'an unknown method is treated as SIMPLE',
  );
  assert.deepEqual(diagnose([...noCredentials, 'nsDS5ReplicaBindMethod: SASL/GSSAPI'], CODE), []);
  assert.deepEqual(diagnose([...noCredentials, 'nsDS5ReplicaBindMethod: SSLCLIENTAUTH'], CODE), []);
});

test('a content record of the plug-in entry without a required setting says the plug-in will not start, and offers the shipped default', () => {
  const text = pluginContent({ omit: ['ipaWinSyncRealmFilter'] });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.match(
    d.message,
    /^Missing ipaWinSyncRealmFilter\. .*"Error: no value given for ipaWinSyncRealmFilter", and the plug-in does not start\./,
  );
  assert.deepEqual(applyFix(text, d.fixes?.[0]), [...text, 'ipaWinSyncRealmFilter: (objectclass=krbRealmContainer)']);
});

test("a modify that deletes a setting the plug-in requires is refused with 53 and the plug-in's text", () => {
  const text = [PLUGIN_DN, 'changetype: modify', 'delete: ipaWinSyncRealmAttr', '-'];
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncRealmAttr');
  assert.match(d.message, /53 \(Unwilling to perform\) "Error: no value given for ipaWinSyncRealmAttr"/);
  const [emptied] = diagnose(pluginReplace('ipaWinSyncAcctDisable'), CODE);
  assert.match(emptied.message, /without ipaWinSyncAcctDisable/);
});

test('complete adds, replacing with a value, deleting then adding, optional settings and other records are fine', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(diagnose(pluginContent(), CODE), []);
  assert.deepEqual(diagnose(pluginReplace('ipaWinSyncRealmAttr', 'cn'), CODE), []);
  assert.deepEqual(
    diagnose(
      [
        PLUGIN_DN,
        'changetype: modify',
        'delete: ipaWinSyncRealmAttr',
        '-',
        'add: ipaWinSyncRealmAttr',
        'ipaWinSyncRealmAttr: cn',
        '-',
      ],
      CODE,
    ),
    [],
  );
  assert.deepEqual(diagnose([PLUGIN_DN, 'changetype: modify', 'delete: ipaWinSyncLoginShellAttr', '-'], CODE), []);
  assert.deepEqual(diagnose([AGREEMENT_DN, 'changetype: modify', 'delete: nsds7WindowsDomain', '-'], CODE), []);
  assert.deepEqual(diagnose(['dn: cn=x,dc=example,dc=com', 'changetype: add', 'objectClass: top', 'cn: x'], CODE), []);
});
