import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AlreadyExistsError,
  InvalidCredentialsError,
  InvalidSyntaxError,
  NoSuchObjectError,
  ObjectClassViolationError,
  OperationsError,
  ProtocolError,
  UnwillingToPerformError,
} from 'ldapts';
import { parseLdapUrl } from '../../server/src/apply/connection';
import {
  explainConnectError,
  formatExplanation as formatWith,
  serverTextOf,
  type ConnectContext,
  type Explanation,
} from '../../server/src/apply/errors';
import { renderRemedy } from '../../server/src/cli/remedies';
import { explainOperationError, isConnectionLoss, type OperationContext } from '../../server/src/apply/operationErrors';
import type { Operation, PlannedRecord } from '../../server/src/apply/operations';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { Diagnostic } from '../../server/src/engine/ldif/ast';

const endpoint = parseLdapUrl('ldaps://ipa.example.com');
const context: ConnectContext = {
  endpoint,
  phase: 'connect',
  bindDn: 'cn=Directory Manager',
  usesTls: true,
  hasCaFile: false,
  timeouts: { connectTimeoutMs: 10_000, operationTimeoutMs: 30_000 },
};
const formatExplanation = (explanation: Explanation) => formatWith(explanation, renderRemedy);
const nodeError = (code: string, message = code, extra: object = {}) =>
  Object.assign(new Error(message), { code }, extra);
const encoder = new TextEncoder();
const AGREEMENT = 'cn=ad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

function record(operation: Operation, entryKind: PlannedRecord['entryKind'] = undefined): PlannedRecord {
  return {
    source: { file: 'a.ldif', index: 0, line: 1 },
    changeType: operation.kind === 'modrdn' ? 'modrdn' : operation.kind,
    operation,
    entryKind,
  };
}

function explainOp(error: unknown, operation: Operation, extra: Partial<OperationContext> = {}): string {
  return formatExplanation(
    explainOperationError(error, { record: record(operation), address: 'ipa.example.com:636', secrets: [], ...extra }),
  );
}

const add = (dn: string, attributes: [string, string, number][] = []): Operation => ({
  kind: 'add',
  dn,
  controls: [],
  attributes: attributes.map(([type, value, line]) => ({ type, values: [encoder.encode(value)], line })),
});

test("serverTextOf removes ldapts' Code suffix and trailing newline", () => {
  assert.equal(
    serverTextOf(new ObjectClassViolationError('missing attribute "sn" required by object class "person"\n')),
    'missing attribute "sn" required by object class "person"',
  );
  assert.equal(serverTextOf(new AlreadyExistsError('')), '');
});

test('refused, unresolvable and unreachable hosts name host and port', () => {
  assert.match(
    formatExplanation(explainConnectError(nodeError('ECONNREFUSED'), context, [])),
    /^Connection refused by ipa\.example\.com:636: .* Fix: Check the port/,
  );
  assert.match(
    formatExplanation(explainConnectError(nodeError('ENOTFOUND'), context, [])),
    /"ipa\.example\.com" in ldaps:\/\/ipa\.example\.com:636 could not be resolved/,
  );
  assert.match(
    formatExplanation(explainConnectError(nodeError('EHOSTUNREACH'), context, [])),
    /No route to ipa\.example\.com:636/,
  );
  assert.match(
    formatExplanation(explainConnectError(new Error('Connection timeout'), context, [])),
    /No answer from ipa\.example\.com:636 within 10 s.*--connect-timeout/,
  );
});

test('an untrusted certificate points to the IdM guide steps 15.5.1 and 15.5.7', () => {
  for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
    const explained = explainConnectError(nodeError(code), context, []);
    assert.equal(explained.kind, 'tls');
    assert.match(
      formatExplanation(explained),
      /15\.5\.1 "Trusting the Active Directory and IdM CA Certificates".*--ca-file.*15\.5\.7.*Imported CA/,
    );
  }
});

test('a certificate for another name says which names it has and which URL to use', () => {
  const error = nodeError('ERR_TLS_CERT_ALTNAME_INVALID', 'mismatch', {
    cert: { subjectaltname: 'DNS:ipa1.example.com, DNS:ipa.example.com' },
  });
  assert.match(
    formatExplanation(explainConnectError(error, context, [])),
    /issued for DNS:ipa1\.example\.com, DNS:ipa\.example\.com, not for "ipa\.example\.com"\. Fix: Connect with a name the certificate lists, e\.g\. ldaps:\/\/ipa1\.example\.com:636/,
  );
});

test('49 on bind names the bind DN and never the password, even if a message echoes it', () => {
  const error = new InvalidCredentialsError('bad password hunter2');
  const text = formatExplanation(explainConnectError(error, { ...context, phase: 'bind' }, ['hunter2']));
  assert.match(text, /refused the bind as "cn=Directory Manager": 49 Invalid credentials/);
  assert.doesNotMatch(text, /hunter2/);
});

test('68, 32 and 50 name the entry and say what to do', () => {
  assert.match(
    explainOp(new AlreadyExistsError(''), add('uid=a,dc=x')),
    /^68 Already exists: uid=a,dc=x is already there \(if an earlier run of this file stopped part-way, this record was probably applied then\)\. Fix: Use changetype: modify/,
  );
  assert.match(
    explainOp(new NoSuchObjectError(''), add('uid=a,ou=Missing,dc=x')),
    /32 No such object: the parent ou=Missing,dc=x of uid=a,ou=Missing,dc=x does not exist/,
  );
  assert.match(
    explainOp(new NoSuchObjectError(''), {
      kind: 'delete',
      dn: 'cn=ad,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config',
      controls: [],
    }),
    /does not exist.*escaped as the server stores it/,
  );
});

test('32 under the mapping tree does not suggest escaping a suffix RDN that is escaped already', () => {
  const text = explainOp(new NoSuchObjectError(''), { kind: 'delete', dn: AGREEMENT, controls: [] });
  assert.doesNotMatch(text, /escaped as the server stores it/);
  assert.match(
    text,
    /The suffix RDN is escaped as it should be: check that this server holds a replica for dc=example,dc=com/,
  );
});

test('65 on a rename that drops a required attribute suggests deleteoldrdn: 0, not adding a line', () => {
  const rename: Operation = {
    kind: 'modrdn',
    dn: 'cn=Alice,ou=People,dc=x',
    controls: [],
    newRdn: 'uid=alice',
    deleteOldRdn: true,
    newSuperior: undefined,
  };
  const text = explainOp(
    new ObjectClassViolationError('missing attribute "cn" required by object class "person"\n'),
    rename,
  );
  assert.match(
    text,
    /the rename would remove the last cn value of cn=Alice,ou=People,dc=x, which object class person requires\. Fix: Keep the old RDN value: write "deleteoldrdn: 0"/,
  );
  assert.doesNotMatch(text, /Add a "cn:" line/);
});

test('65 and 21 name the attribute as the record spells it, with its line', () => {
  const operation = add('uid=a,dc=x', [
    ['objectClass', 'inetOrgPerson', 2],
    ['winSyncFooBar', '1', 5],
    ['uidNumber', 'abc', 6],
  ]);
  assert.match(
    explainOp(new ObjectClassViolationError('attribute "winsyncfoobar" not allowed\n'), operation),
    /winSyncFooBar \(line 5\) is not allowed on uid=a,dc=x/,
  );
  assert.match(
    explainOp(new ObjectClassViolationError('missing attribute "sn" required by object class "person"\n'), operation),
    /lacks sn, which object class person requires\. Fix: Add a "sn:" line/,
  );
  assert.match(
    explainOp(new InvalidSyntaxError('uidNumber: value #0 invalid per syntax\n'), operation),
    /the value of uidNumber \(line 6\) does not match its syntax/,
  );
});

test('21 on a catalog attribute says what a valid value looks like', () => {
  const operation: Operation = {
    kind: 'modify',
    dn: AGREEMENT,
    controls: [],
    changes: [{ op: 'replace', type: 'nsDS5ReplicaPort', values: [encoder.encode('abc')], line: 4 }],
  };
  assert.match(
    explainOp(new InvalidSyntaxError('nsDS5ReplicaPort: value #0 invalid per syntax\n'), operation, {
      catalog: loadCatalog(),
    }),
    /Fix: Write a whole number from 1 to 65535/,
  );
});

test('a bare 53 on an agreement add is explained by the validator finding for the record', () => {
  const finding: Diagnostic = {
    code: 'winsync/missing-required',
    severity: 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
    message: 'Missing nsDS5ReplicaHost.',
  };
  const text = formatExplanation(
    explainOperationError(new UnwillingToPerformError(''), {
      record: record(add(AGREEMENT), 'agreement'),
      address: 'h:389',
      secrets: [],
      diagnostics: [finding],
    }),
  );
  assert.match(
    text,
    /^53 Server is unwilling to perform with no text; the likely reason \(line 1\): Missing nsDS5ReplicaHost\. Fix: Correct line 1/,
  );
});

test('a bare 1 on an agreement modify is explained from the catalog: the schedule', () => {
  const operation: Operation = {
    kind: 'modify',
    dn: AGREEMENT,
    controls: [],
    changes: [{ op: 'replace', type: 'nsds5ReplicaUpdateSchedule', values: [encoder.encode('0800-0700 0')], line: 4 }],
  };
  assert.match(
    explainOp(new OperationsError(''), operation, { catalog: loadCatalog() }),
    /1 Operations error with no text; most likely the value of nsds5ReplicaUpdateSchedule \(line 4\)/,
  );
});

test('a bare 53 on an agreement with nothing to go on lists what the server checks', () => {
  assert.match(
    explainOp(new UnwillingToPerformError(''), add(AGREEMENT)),
    /host, port, bind DN and credentials.*nsDS5ReplicaType: 3/,
  );
});

test('the ipa-winsync plug-in on plain 389-DS is explained', () => {
  assert.match(
    explainOp(new UnwillingToPerformError('Invalid plugin path'), add('cn=ipa-winsync,cn=plugins,cn=config')),
    /FreeIPA\/IdM server/,
  );
});

test('increment refused by the server suggests replace', () => {
  const operation: Operation = {
    kind: 'modify',
    dn: 'uid=a,dc=x',
    controls: [],
    changes: [{ op: 'increment', type: 'uidNumber', values: [encoder.encode('1')], line: 3 }],
  };
  assert.match(
    explainOp(new ProtocolError('unrecognized modify operation'), operation),
    /does not support "increment:".*Fix: Use "replace:"/,
  );
});

test('a lost connection and a timeout are connection losses, an LDAP error is not', () => {
  assert.equal(
    isConnectionLoss(
      new Error('Connection closed before message response was received. Message type: AddRequest (0x68)'),
    ),
    true,
  );
  assert.equal(isConnectionLoss(new Error('AddRequest: Operation timed out')), true);
  assert.equal(isConnectionLoss(nodeError('ECONNRESET')), true);
  assert.equal(isConnectionLoss(new AlreadyExistsError('')), false);
  assert.match(
    explainOp(new Error('AddRequest: Operation timed out'), add('uid=a,dc=x')),
    /did not answer the add of uid=a,dc=x in time; it may or may not have been applied/,
  );
});

test('server text that echoes a secret value is withheld', () => {
  const text = explainOp(new UnwillingToPerformError('cannot use S3cretValue here'), add('uid=a,dc=x'), {
    secrets: ['S3cretValue'],
  });
  assert.doesNotMatch(text, /S3cretValue/);
  assert.match(text, /\[withheld\]/);
});

test('a one-letter password does not garble the message: only whole occurrences are withheld', () => {
  const text = explainConnectError(
    new InvalidCredentialsError('bad password e for entry e'),
    { ...context, phase: 'bind' },
    ['e'],
  );
  assert.equal(
    formatExplanation(text),
    'ipa.example.com:636 refused the bind as "cn=Directory Manager": 49 Invalid credentials (wrong password, or no such bind DN). Fix: Check --bind-dn (389-DS root: cn=Directory Manager) and the password in --password-file / --password-env.',
  );
  assert.equal(text.serverText, 'bad password [withheld] for entry [withheld]');
});

test('a refused modify of an agreement says the running agreement may have taken part of it, and how to check', () => {
  const modifyPort = (dn: string): Operation => ({
    kind: 'modify',
    dn,
    controls: [],
    changes: [{ op: 'replace', type: 'nsDS5ReplicaPort', values: [encoder.encode('063995')], line: 4 }],
  });
  const refused = explainOp(
    new InvalidSyntaxError('nsDS5ReplicaPort: value #0 invalid per syntax'),
    modifyPort(AGREEMENT),
  );
  assert.match(
    refused,
    /^21 Invalid syntax .*does not match its syntax\. The entry is unchanged, but 389-DS hands an agreement change to the running agreement before it checks it, so the running agreement may have taken part of this one\. Check it: dsconf INSTANCE repl-winsync-agmt status .*restarting the server \(dsctl INSTANCE restart\) runs the agreement as stored again\. Fix: /,
  );
  // Not for other entries, nor for an add or a delete of an agreement (nothing runs before it exists or after it is gone).
  assert.doesNotMatch(
    explainOp(new InvalidSyntaxError('x'), modifyPort('uid=a,ou=People,dc=example,dc=com')),
    /running agreement/,
  );
  assert.doesNotMatch(explainOp(new UnwillingToPerformError(''), add(AGREEMENT)), /running agreement/);
  assert.doesNotMatch(
    explainOp(new NoSuchObjectError(''), { kind: 'delete', dn: AGREEMENT, controls: [] }),
    /running agreement/,
  );
});
